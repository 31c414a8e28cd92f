import KubeModel
import Testing
@testable import KubeSim

/// StatefulSet and DaemonSet behaviour against what upstream documents.
@Suite("StatefulSet and DaemonSet controllers")
struct WorkloadSetTests {
    static func statefulSet(replicas: Int, policy: String = "OrderedReady") -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: web
          replicas: \(replicas)
          podManagementPolicy: \(policy)
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: nginx, image: "nginx:1.27", readinessProbe: {httpGet: {path: /, port: 80}}}]
        """
    }

    static func names(_ cluster: Cluster, prefix: String) -> [String] {
        cluster.store.pods.compactMap(\.metadata.name).filter { $0.hasPrefix(prefix) }.sorted()
    }

    // docs: concepts/workloads/controllers/statefulset "Deployment and Scaling Guarantees":
    // "Before a scaling operation is applied to a Pod, all of its predecessors must be Running and Ready."
    @Test("OrderedReady creates web-1 only after web-0 is Running and Ready")
    func orderedCreation() throws {
        let cluster = try cluster(Self.statefulSet(replicas: 3))
        #expect(Self.names(cluster, prefix: "web-") == ["web-0"])
        var sawWeb1BeforeWeb0Ready = false
        for _ in 0..<120 {
            try cluster.advance(by: .seconds(1))
            let web0Ready = cluster.pod("web-0").map(PodConditions.isReady) ?? false
            if cluster.pod("web-1") != nil, !web0Ready { sawWeb1BeforeWeb0Ready = true }
        }
        #expect(!sawWeb1BeforeWeb0Ready)
        #expect(Self.names(cluster, prefix: "web-") == ["web-0", "web-1", "web-2"])
        #expect(cluster.pod("web-1")?.spec?.hostname == "web-1" && cluster.pod("web-1")?.spec?.subdomain == "web")
    }

    // docs: "When Pods are being deleted, they are terminated in reverse order, from {N-1..0}."
    @Test("Scaling 3 → 1 removes web-2 before web-1")
    func reverseScaleDown() throws {
        let cluster = try cluster(Self.statefulSet(replicas: 3))
        try cluster.advance(by: .minutes(2))
        #expect(Self.names(cluster, prefix: "web-") == ["web-0", "web-1", "web-2"])
        try cluster.patch(ObjectKey(kind: "StatefulSet", namespace: "default", name: "web"), patch: .object(["spec": .object(["replicas": .int(1)])]))
        var order: [String] = []
        for _ in 0..<120 {
            try cluster.advance(by: .seconds(1))
            for name in ["web-2", "web-1"] where cluster.pod(name) == nil && !order.contains(name) { order.append(name) }
        }
        #expect(order == ["web-2", "web-1"])
        #expect(Self.names(cluster, prefix: "web-") == ["web-0"])
    }

    // docs: concepts/workloads/controllers/daemonset; the control-plane node carries
    // node-role.kubernetes.io/control-plane:NoSchedule, which a DaemonSet does not tolerate by default.
    @Test("A DaemonSet runs one pod per worker, and on the control plane too once it tolerates the taint")
    func daemonPlacement() throws {
        func daemonSet(tolerations: String) -> String {
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
            \(tolerations)
                  containers: [{name: a, image: "busybox:1.36", command: [sleep, "3600"]}]
            """
        }
        let plain = try cluster(daemonSet(tolerations: ""))
        try plain.advance(by: .seconds(30))
        let plainNodes = plain.store.pods.compactMap { $0.spec?.nodeName }.sorted()
        #expect(plainNodes == ["worker-1", "worker-2", "worker-3"])
        let tolerating = try cluster(daemonSet(tolerations: "      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]"))
        try tolerating.advance(by: .seconds(30))
        #expect(tolerating.store.pods.compactMap { $0.spec?.nodeName }.sorted() == ["control-plane", "worker-1", "worker-2", "worker-3"])
    }
}
