import KubeModel
import Testing
@testable import KubeSim

/// Upstream v1.33: pkg/controller/endpoint/endpoints_controller.go, pkg/controller/endpointslice,
/// staging/src/k8s.io/endpointslice (reconciler.go, utils.go, util/controller_utils.go); docs
/// "Service" and "EndpointSlices".
@Suite("Endpoints and EndpointSlices")
struct EndpointsTests {
    static func service(_ name: String = "web", selector: String? = "{app: web}", targetPort: String = "80", extra: String = "") -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
          labels: {team: shop}
        spec:
        \(selector.map { "  selector: \($0)" } ?? "")
          ports:
          - port: 80
            targetPort: \(targetPort)
        \(extra)
        """
    }

    static func labelledPod(_ name: String, node: String = "worker-1", ports: String = "", container: String = "") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
          labels: {app: web}
        spec:
          nodeName: \(node)
          containers:
          - name: app
            image: nginx:1.27
        \(ports)
        \(container)
        """
    }

    static func scenario(_ documents: String...) throws -> Cluster {
        let cluster = try cluster(documents.joined(separator: "\n---\n"))
        try cluster.advance(by: .seconds(30))
        return cluster
    }

    static func endpoints(_ cluster: Cluster, _ name: String = "web") -> Endpoints? {
        if case .endpoints(let endpoints)? = cluster.get(ObjectKey(kind: "Endpoints", namespace: "default", name: name)) { return endpoints }
        return nil
    }

    static func slices(_ cluster: Cluster, _ service: String = "web") -> [EndpointSlice] {
        cluster.store.list(kind: "EndpointSlice", namespace: "default").compactMap {
            guard case .endpointSlice(let slice) = $0, slice.metadata.labels?["kubernetes.io/service-name"] == service else { return nil }
            return slice
        }
    }

    @Test("syncService: a Deployment of 3 ready pods behind a Service gives one subset of 3 addresses with ip, nodeName and a Pod targetRef")
    func readyDeployment() throws {
        let cluster = try Self.scenario(WorkloadFixtures.deployment(replicas: 3), Self.service())
        let endpoints = try #require(Self.endpoints(cluster))
        let subsets = try #require(endpoints.subsets)
        #expect(subsets.count == 1)
        let addresses = subsets[0].addresses ?? []
        #expect(addresses.count == 3)
        #expect(subsets[0].notReadyAddresses == nil)
        #expect(subsets[0].ports?.map(\.port) == [80])
        #expect(subsets[0].ports?.first?.protocol == "TCP")
        let pods = cluster.store.pods.filter { $0.metadata.labels?["app"] == "web" }
        #expect(Set(addresses.map(\.ip)) == Set(pods.compactMap(\.status?.podIP)))
        for address in addresses {
            let pod = try #require(pods.first { $0.metadata.name == address.targetRef?.name })
            #expect(address.targetRef?.kind == "Pod")
            #expect(address.targetRef?.uid == pod.metadata.uid)
            #expect(address.targetRef?.namespace == "default")
            #expect(address.nodeName == pod.spec?.nodeName)
        }
        // `newEndpoints.Labels = service.Labels`, and the trigger-time annotation.
        #expect(endpoints.metadata.labels == ["team": "shop"])
        #expect(endpoints.metadata.annotations?["endpoints.kubernetes.io/last-change-trigger-time"] != nil)
    }

    @Test("newEndpointSlice: one IPv4 slice named <service>-xxxxx, labelled with the service name and managed-by, owned by the Service, zones from nodes")
    func readySlice() throws {
        let cluster = try Self.scenario(WorkloadFixtures.deployment(replicas: 3), Self.service())
        let slices = Self.slices(cluster)
        #expect(slices.count == 1)
        let slice = try #require(slices.first)
        let name = slice.metadata.name ?? ""
        #expect(name.hasPrefix("web-") && name.count == "web-".count + 5)
        #expect(slice.addressType == "IPv4")
        #expect(slice.metadata.labels?["endpointslice.kubernetes.io/managed-by"] == "endpointslice-controller.k8s.io")
        #expect(slice.metadata.labels?["team"] == "shop")
        let owner = try #require(slice.metadata.ownerReferences?.first)
        #expect(owner.kind == "Service" && owner.name == "web" && owner.controller == true)
        #expect(slice.ports?.map(\.port) == [80])
        #expect(slice.endpoints.count == 3)
        for endpoint in slice.endpoints {
            #expect(endpoint.conditions?.ready == true && endpoint.conditions?.serving == true && endpoint.conditions?.terminating == false)
            #expect(endpoint.zone?.hasPrefix("zone-") == true)
            #expect(endpoint.targetRef?.kind == "Pod")
        }
    }

    @Test("A selector that matches no pod gives an Endpoints without subsets (get ep: <none>) and one empty placeholder slice")
    func selectorMatchesNothing() throws {
        let cluster = try Self.scenario(WorkloadFixtures.deployment(replicas: 2), Self.service(selector: "{app: wbe}"))
        let endpoints = try #require(Self.endpoints(cluster))
        #expect(endpoints.subsets == nil)
        let table = ResourceTable.make([.endpoints(endpoints)], kind: "Endpoints", now: cluster.now)
        #expect(table.header == ["NAME", "ENDPOINTS", "AGE"])
        #expect(table.rows.first?[1] == "<none>")
        let slices = Self.slices(cluster)
        #expect(slices.count == 1)
        #expect(slices.first?.endpoints.isEmpty == true)
        let sliceTable = ResourceTable.make(slices.map(KubeObject.endpointSlice), kind: "EndpointSlice", now: cluster.now)
        #expect(sliceTable.header == ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"])
        #expect(sliceTable.rows.first?[1...3] == ["IPv4", "<unset>", "<unset>"])
    }

    @Test("A pod failing its readiness probe is in notReadyAddresses, and in the slice with ready and serving false")
    func notReadyPod() throws {
        let cluster = try Self.scenario(Self.labelledPod("good"), Self.labelledPod("bad", container: "    readinessProbe: {httpGet: {path: /healthz, port: 80}}"),
                                        Self.service())
        let subsets = try #require(Self.endpoints(cluster)?.subsets)
        #expect(subsets.count == 1)
        #expect(subsets[0].addresses?.map { $0.targetRef?.name } == ["good"])
        #expect(subsets[0].notReadyAddresses?.map { $0.targetRef?.name } == ["bad"])
        let bad = try #require(Self.slices(cluster).first?.endpoints.first { $0.targetRef?.name == "bad" })
        #expect(bad.conditions?.ready == false && bad.conditions?.serving == false && bad.conditions?.terminating == false)
    }

    @Test("publishNotReadyAddresses puts not-ready pods in addresses and marks them ready in the slice")
    func publishNotReady() throws {
        let cluster = try Self.scenario(Self.labelledPod("bad", container: "    readinessProbe: {httpGet: {path: /healthz, port: 80}}"),
                                        Self.service(extra: "  publishNotReadyAddresses: true"))
        let subsets = try #require(Self.endpoints(cluster)?.subsets)
        #expect(subsets[0].addresses?.map { $0.targetRef?.name } == ["bad"])
        #expect(subsets[0].notReadyAddresses == nil)
        #expect(Self.slices(cluster).first?.endpoints.first?.conditions?.ready == true)
    }

    @Test("FindPort: a named targetPort resolves per pod; a pod without that port name is left out of Endpoints")
    func namedTargetPort() throws {
        let cluster = try Self.scenario(
            Self.labelledPod("a", ports: "    ports: [{name: http, containerPort: 8080}]"),
            Self.labelledPod("b", node: "worker-2", ports: "    ports: [{name: http, containerPort: 9090}]"),
            Self.labelledPod("c", node: "worker-3"),
            Self.service(targetPort: "http"))
        let subsets = try #require(Self.endpoints(cluster)?.subsets)
        let byPod = Dictionary(uniqueKeysWithValues: subsets.flatMap { subset in
            (subset.addresses ?? []).map { ($0.targetRef?.name ?? "", subset.ports?.first?.port ?? 0) }
        })
        #expect(byPod == ["a": 8080, "b": 9090])
        // The slice reconciler groups endpoints by their resolved ports: c, with none, gets a slice without ports.
        let slices = Self.slices(cluster)
        let portsByPod = Dictionary(uniqueKeysWithValues: slices.flatMap { slice in
            slice.endpoints.map { ($0.targetRef?.name ?? "", (slice.ports ?? []).compactMap(\.port)) }
        })
        #expect(portsByPod == ["a": [8080], "b": [9090], "c": []])
    }

    @Test("A terminating pod leaves Endpoints but stays in the slice with terminating true, ready false, serving true")
    func terminatingPod() throws {
        // `sh` as PID 1 ignores SIGTERM, so b stays terminating for its whole grace period.
        let cluster = try Self.scenario(Self.labelledPod("a"), Self.labelledPod("b", node: "worker-2", container: "    command: [sh, -c, 'sleep 3600']"),
                                        Self.service())
        try cluster.delete(.pod("b"), gracePeriod: 30)
        try cluster.advance(by: .seconds(1))
        #expect(cluster.pod("b")?.metadata.deletionTimestamp != nil)
        let names = (Self.endpoints(cluster)?.subsets ?? []).flatMap { ($0.addresses ?? []) + ($0.notReadyAddresses ?? []) }.map { $0.targetRef?.name }
        #expect(names == ["a"])
        let terminating = try #require(Self.slices(cluster).first?.endpoints.first { $0.targetRef?.name == "b" })
        #expect(terminating.conditions?.terminating == true)
        #expect(terminating.conditions?.ready == false)
        #expect(terminating.conditions?.serving == true)
        try cluster.advance(by: .seconds(60))
        #expect(Self.slices(cluster).first?.endpoints.map { $0.targetRef?.name } == ["a"])
    }

    @Test("Deleting the Service deletes its Endpoints (syncService on a missing Service) and its slices (garbage collector)")
    func serviceDeleted() throws {
        let cluster = try Self.scenario(WorkloadFixtures.deployment(replicas: 2), Self.service())
        #expect(Self.endpoints(cluster) != nil)
        #expect(Self.slices(cluster).count == 1)
        try cluster.delete(ObjectKey(kind: "Service", namespace: "default", name: "web"))
        try cluster.advance(by: .seconds(5))
        #expect(Self.endpoints(cluster) == nil)
        #expect(Self.slices(cluster).isEmpty)
    }

    @Test("A Service without a selector gets no endpoints from the controllers: a user-written Endpoints is kept as written")
    func withoutSelector() throws {
        let manual = """
        apiVersion: v1
        kind: Endpoints
        metadata: {name: db}
        subsets:
        - addresses: [{ip: 192.0.2.10}]
          ports: [{port: 5432}]
        """
        let cluster = try Self.scenario(Self.service("db", selector: nil), manual, WorkloadFixtures.deployment(replicas: 1))
        let endpoints = try #require(Self.endpoints(cluster, "db"))
        #expect(endpoints.subsets?.first?.addresses?.map(\.ip) == ["192.0.2.10"])
        #expect(endpoints.metadata.annotations?["endpoints.kubernetes.io/last-change-trigger-time"] == nil)
        #expect(Self.slices(cluster, "db").isEmpty)
    }

    @Test("Relabelling a pod out of the selector removes it (the Service is synced for the pod's old membership)")
    func relabelledPod() throws {
        let cluster = try Self.scenario(Self.labelledPod("a"), Self.labelledPod("b", node: "worker-2"), Self.service())
        try cluster.label(.pod("b"), ["app=other"], overwrite: true)
        try cluster.advance(by: .seconds(1))
        let names = (Self.endpoints(cluster)?.subsets ?? []).flatMap { $0.addresses ?? [] }.map { $0.targetRef?.name }
        #expect(names == ["a"])
        #expect(Self.slices(cluster).first?.endpoints.map { $0.targetRef?.name } == ["a"])
    }

    @Test("Pod events map only to Services whose selector matches; a namespace without Services maps to none")
    func podEventKeys() throws {
        let cluster = try Self.scenario(Self.labelledPod("a"), Self.service(), Self.service("other", selector: "{app: other}"))
        let pod = try #require(cluster.get(.pod("a")))
        let event = WatchEvent(type: .modified, key: pod.key, object: pod)
        let expected = [ObjectKey(kind: "Service", namespace: "default", name: "web")]
        #expect(EndpointsController(cluster: cluster).keys(for: event, in: cluster.store) == expected)
        #expect(EndpointSliceController(cluster: cluster).keys(for: event, in: cluster.store) == expected)
        var elsewhere = pod
        elsewhere.meta.namespace = "kube-system"
        let lonely = WatchEvent(type: .added, key: elsewhere.key, object: elsewhere)
        #expect(EndpointsController(cluster: cluster).keys(for: lonely, in: cluster.store).isEmpty)
        #expect(EndpointSliceController(cluster: cluster).keys(for: lonely, in: cluster.store).isEmpty)
    }

    @Test("The placeholder slice of a Service that selects nothing becomes its real slice, same name (reconciler finalize: creates become updates of slices to delete)")
    func placeholderReused() throws {
        let cluster = try Self.scenario(Self.service())
        let placeholder = try #require(Self.slices(cluster).first)
        #expect(placeholder.endpoints.isEmpty && Self.slices(cluster).count == 1)
        try cluster.apply(yaml: Self.labelledPod("web-1"), file: "pod.yaml")
        try cluster.advance(by: .seconds(30))
        let slices = Self.slices(cluster)
        #expect(slices.count == 1)
        #expect(slices.first?.metadata.name == placeholder.metadata.name)
        #expect(slices.first?.endpoints.count == 1)
    }
}
