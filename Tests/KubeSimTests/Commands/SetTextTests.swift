import KubeModel
import Testing
@testable import KubeSim

/// `kubectl get` and `kubectl describe` for StatefulSets and DaemonSets.
/// Upstream: pkg/printers/internalversion/printers.go (`printStatefulSet`, `printDaemonSet`) and
/// k8s.io/kubectl/pkg/describe/describe.go (`describeStatefulSet`, `describeDaemonSet`,
/// `DescribePodTemplate`), v1.33.
@Suite("StatefulSet and DaemonSet get and describe text")
struct SetTextTests {
    @Test("get sts prints NAME READY AGE, READY being ready/desired replicas")
    func getStatefulSets() throws {
        let cluster = try cluster(Workloads.statefulSet(container: Workloads.neverReady))
        try cluster.advance(by: .seconds(30))
        let table = ResourceTable.make(cluster.store.list(kind: "StatefulSet"), kind: "StatefulSet", now: cluster.now)
        #expect(table.header == ["NAME", "READY", "AGE"])
        #expect(table.rows == [["web", "0/3", "30s"]])
        let wide = ResourceTable.make(cluster.store.list(kind: "StatefulSet"), kind: "StatefulSet", now: cluster.now, wide: true)
        #expect(wide.header == ["NAME", "READY", "AGE", "CONTAINERS", "IMAGES"])
        #expect(wide.rows == [["web", "0/3", "30s", "nginx", "nginx:1.27"]])
    }

    @Test("get ds prints NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE")
    func getDaemonSets() throws {
        let cluster = try cluster(Workloads.daemonSet(pod: "      nodeSelector: {kubernetes.io/os: linux}"))
        try cluster.advance(by: .seconds(30))
        let table = ResourceTable.make(cluster.store.list(kind: "DaemonSet"), kind: "DaemonSet", now: cluster.now)
        #expect(table.header == ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"])
        #expect(table.rows == [["agent", "3", "3", "3", "3", "3", "kubernetes.io/os=linux", "30s"]])
        let wide = ResourceTable.make(cluster.store.list(kind: "DaemonSet"), kind: "DaemonSet", now: cluster.now, wide: true)
        #expect(wide.header.suffix(3) == ["CONTAINERS", "IMAGES", "SELECTOR"])
        #expect(wide.rows.first?.suffix(3) == ["agent", "nginx:1.27", "app=agent"])
    }

    @Test("describe statefulset: replicas, update strategy and partition, pods status, pod template, volume claims, events")
    func describeStatefulSet() throws {
        let cluster = try cluster(Workloads.statefulSet(replicas: 1))
        try cluster.advance(by: .seconds(30))
        let text = DescribeText.describe(try #require(cluster.get(ObjectKey(kind: "StatefulSet", namespace: "default", name: "web"))), in: cluster.store)
        #expect(text == """
            Name:               web
            Namespace:          default
            CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
            Selector:           app=nginx
            Labels:             <none>
            Annotations:        <none>
            Replicas:           1 desired | 1 total
            Update Strategy:    RollingUpdate
              Partition:        0
            Pods Status:        1 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=nginx
              Containers:
               nginx:
                Image:         nginx:1.27
                Port:          80/TCP
                Host Port:     0/TCP
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Volume Claims:
              Name:          data
              StorageClass:  standard
              Labels:        <none>
              Annotations:   <none>
              Capacity:      1Gi
              Access Modes:  [ReadWriteOnce]
            Events:
              Type    Reason            Age   From                    Message
              ----    ------            ----  ----                    -------
              Normal  SuccessfulCreate  30s   statefulset-controller  create Claim data-web-0 Pod web-0 in StatefulSet web success
              Normal  SuccessfulCreate  30s   statefulset-controller  create Pod web-0 in StatefulSet web successful

            """)
    }

    @Test("describe daemonset: node selector, the scheduling counts, pods status, pod template with volumes and tolerations")
    func describeDaemonSet() throws {
        let pod = """
              nodeSelector: {kubernetes.io/os: linux}
              tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
              volumes: [{name: logs, hostPath: {path: /var/log}}]
        """
        let container = "        volumeMounts: [{name: logs, mountPath: /var/log, readOnly: true}]"
        let cluster = try cluster(Workloads.daemonSet(pod: pod, container: container))
        try cluster.advance(by: .seconds(30))
        let text = DescribeText.describe(try #require(cluster.get(ObjectKey(kind: "DaemonSet", namespace: "default", name: "agent"))), in: cluster.store)
        let head = try #require(text.components(separatedBy: "Events:").first)
        #expect(head == """
            Name:           agent
            Namespace:      default
            Selector:       app=agent
            Node-Selector:  kubernetes.io/os=linux
            Labels:         <none>
            Annotations:    deprecated.daemonset.template.generation: 1
            Desired Number of Nodes Scheduled: 4
            Current Number of Nodes Scheduled: 4
            Number of Nodes Scheduled with Up-to-date Pods: 4
            Number of Nodes Scheduled with Available Pods: 4
            Number of Nodes Misscheduled: 0
            Pods Status:  4 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=agent
              Containers:
               agent:
                Image:        nginx:1.27
                Port:         <none>
                Host Port:    <none>
                Environment:  <none>
                Mounts:
                  /var/log from logs (ro)
              Volumes:
               logs:
                Type:          HostPath (bare host directory volume)
                Path:          /var/log
                HostPathType:  <none>
              Node-Selectors:  kubernetes.io/os=linux
              Tolerations:     node-role.kubernetes.io/control-plane:NoSchedule op=Exists

            """)
        #expect(text.contains("  Normal  SuccessfulCreate  30s   daemonset-controller  Created pod: agent-"))
    }
}
