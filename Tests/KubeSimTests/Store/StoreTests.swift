import Foundation
import KubeModel
import Testing
@testable import KubeSim

@Suite("Object store")
struct StoreTests {
    @Test("Creating sets uid, resourceVersion, generation 1 and creationTimestamp (apiserver rest.BeforeCreate)")
    func createSetsServerFields() throws {
        let cluster = try cluster(podYAML())
        let meta = try #require(cluster.pod("web")).metadata
        #expect(meta.uid?.count == 36)
        #expect(meta.generation == 1)
        #expect(meta.creationTimestamp == "2026-01-01T00:00:00Z")
        #expect(Int(meta.resourceVersion ?? "") ?? 0 > 0)
    }

    @Test("Creating an existing object fails with AlreadyExists: pods \"web\" already exists")
    func createTwice() throws {
        let cluster = try cluster(podYAML())
        let object = try #require(cluster.get(.pod("web")))
        #expect(throws: APIError.alreadyExists(.pod("web"))) { try cluster.create(object) }
        #expect(APIError.alreadyExists(.pod("web")).description == "Error from server (AlreadyExists): pods \"web\" already exists")
    }

    @Test("Spec changes bump metadata.generation; label changes do not (generation tracks spec only)")
    func generation() throws {
        let cluster = try cluster("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """)
        let key = ObjectKey(kind: "Deployment", namespace: "default", name: "web")
        try cluster.label(key, ["tier=front"])
        #expect(cluster.get(key)?.meta.generation == 1)
        try cluster.patch(key, patch: .object(["spec": .object(["replicas": .int(3)])]))
        #expect(cluster.get(key)?.meta.generation == 2)
    }

    @Test("Watch events reach controllers as ADDED, MODIFIED, DELETED with the object")
    func watchEvents() throws {
        let store = Store()
        var pod = Pod()
        pod.metadata.name = "a"
        pod.metadata.namespace = "default"
        try store.create(.pod(pod))
        pod.metadata.labels = ["x": "y"]
        _ = store.updateStatus(.pod(pod))
        store.remove(.pod("a"))
        #expect(store.takePendingEvents().map(\.type) == [.added, .modified, .deleted])
    }

    @Test("The same inputs and seed give the same uids (seeded randomness only)")
    func deterministic() throws {
        let first = try cluster(podYAML()), second = try cluster(podYAML())
        #expect(first.pod("web")?.metadata.uid == second.pod("web")?.metadata.uid)
    }

    @Test("A repeated event bumps count on the same Event object, also after the cluster is saved and loaded (client-go EventCorrelator)")
    func eventRepeatsAfterReload() throws {
        let first = try cluster(podYAML())
        guard let pod = first.get(.pod("web")) else { Issue.record("no pod"); return }
        first.store.record("Warning", "BackOff", "Back-off restarting failed container", on: pod, component: "kubelet")
        let reloaded = try Cluster.load(json: try first.savedJSON())
        reloaded.store.record("Warning", "BackOff", "Back-off restarting failed container", on: pod, component: "kubelet")
        let events = reloaded.store.list(kind: "Event").compactMap { object -> Event? in
            if case .event(let event) = object, event.reason == "BackOff" { return event } else { return nil }
        }
        #expect(events.count == 1)
        #expect(events.first?.count == 2)
    }

    @Test("A repeat after its Event expired starts a new Event, and the expired one leaves no correlation entry behind")
    func eventRepeatAfterExpiry() throws {
        let cluster = try cluster(podYAML())
        guard let pod = cluster.get(.pod("web")) else { Issue.record("no pod"); return }
        cluster.store.record("Warning", "BackOff", "Back-off restarting failed container", on: pod, component: "kubelet")
        let first = try #require(cluster.store.list(kind: "Event").first { if case .event(let event) = $0 { event.reason == "BackOff" } else { false } })
        let identities = cluster.store.eventsByIdentity.count
        cluster.store.remove(first.key)
        #expect(cluster.store.eventsByIdentity.count == identities - 1)
        cluster.store.record("Warning", "BackOff", "Back-off restarting failed container", on: pod, component: "kubelet")
        let again = cluster.store.list(kind: "Event").compactMap { object -> Event? in
            if case .event(let event) = object, event.reason == "BackOff" { return event } else { return nil }
        }
        #expect(again.count == 1 && again.first?.count == 1 && again.first?.metadata.name != first.meta.name)
    }

    @Test("A kind's history lists its keys written after a revision in order, and none once compacted past it (etcd's watch from a compacted revision; the apiserver's watch cache is per resource)")
    func writtenKeys() throws {
        let store = Store()
        store.journalCapacity = 4
        func configMap(_ name: String) -> KubeObject {
            var map = ConfigMap()
            map.metadata.name = name
            map.metadata.namespace = "default"
            return .configMap(map)
        }
        func secret(_ name: String) -> KubeObject {
            var secret = Secret()
            secret.metadata.name = name
            secret.metadata.namespace = "default"
            return .secret(secret)
        }
        _ = try store.create(configMap("before"))
        #expect(store.keysWritten(ofKind: "ConfigMap", after: 0) == nil, "not followed yet")
        store.followWrites(ofKind: "ConfigMap")
        let start = store.revision
        #expect(store.keysWritten(ofKind: "ConfigMap", after: start - 1) == nil, "written before it was followed")
        _ = try store.create(configMap("a"))
        _ = try store.create(secret("s"))
        _ = try store.create(configMap("b"))
        _ = store.remove(ObjectKey(kind: "ConfigMap", namespace: "default", name: "a"))
        #expect(store.keysWritten(ofKind: "ConfigMap", after: start).map { $0.map(\.name) } == ["a", "b", "a"], "the Secret is another kind's")
        #expect(store.keysWritten(ofKind: "ConfigMap", after: start + 2).map { $0.map(\.name) } == ["b", "a"])
        #expect(store.keysWritten(ofKind: "ConfigMap", after: start + 3).map { $0.map(\.name) } == ["a"])
        #expect(store.keysWritten(ofKind: "ConfigMap", after: store.revision)?.isEmpty == true)
        #expect(store.keysWritten(ofKind: "Secret", after: start) == nil, "Secrets are not followed")
        for name in ["c", "d", "e"] { _ = try store.create(configMap(name)) }
        #expect(store.keysWritten(ofKind: "ConfigMap", after: start) == nil, "compacted past it")
        #expect(store.keysWritten(ofKind: "ConfigMap", after: store.revision - 2).map { $0.map(\.name) } == ["d", "e"])
        #expect(store.keysWritten(ofKind: "ConfigMap", after: store.revision + 1) == nil, "a revision not reached yet")
        _ = try store.create(secret("t"))
        #expect(store.keysWritten(ofKind: "ConfigMap", after: store.revision - 3).map { $0.map(\.name) } == ["d", "e"], "a later write of another kind adds nothing")
    }

    @Test("A recorded occurrence is saved with its object as Kind/name, as cluster.json and sim run's JSON have it, and read back the same")
    func recordedEventJSON() throws {
        let event = RecordedEvent(time: 30, type: "Normal", reason: "Scheduled", kind: "Pod", name: "web-1", namespace: "default", message: "placed")
        let json = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
        #expect(json.contains(#""object":"Pod\/web-1""#) || json.contains(#""object":"Pod/web-1""#))
        #expect(!json.contains(#""kind""#))
        #expect(try JSONDecoder().decode(RecordedEvent.self, from: Data(json.utf8)) == event)
        #expect(event.object == "Pod/web-1")
    }

    @Test("An Event is named <object>.<hex nanoseconds>, the hex as client-go's strconv.FormatUint(n, 16) writes it")
    func eventNameSuffix() throws {
        for value: UInt64 in [0, 9, 10, 15, 16, 255, 0x1877_0000_0000_0001, .max] {
            #expect(Store.hex(value) == String(value, radix: 16))
            #expect(Store.hex(value, after: "web-7d4b9c") == "web-7d4b9c." + String(value, radix: 16))
            #expect(Store.hex(value, after: "") == "." + String(value, radix: 16))
        }
        let cluster = try cluster(podYAML())
        let pod = try #require(cluster.get(.pod("web")))
        cluster.store.record("Normal", "Pinged", "ping", on: pod, component: "test")
        let event = try #require(cluster.store.list(kind: "Event").first { if case .event(let event) = $0 { event.reason == "Pinged" } else { false } })
        let name = try #require(event.meta.name)
        #expect(name.hasPrefix("web.") && UInt64(name.dropFirst(4), radix: 16) != nil)
    }

    // kubectl pkg/describe/describe.go: printLabelsMultiline writes key=value,
    // printAnnotationsMultiline writes key: value.
    @Test("describe pod prints labels as key=value and annotations as key: value, as kubectl does")
    func describeLabelsAndAnnotations() throws {
        let cluster = try cluster(podYAML(extra: ""))
        try cluster.label(.pod("web"), ["app=web"])
        try cluster.annotate(.pod("web"), ["team=blue"])
        guard let pod = cluster.get(.pod("web")) else { Issue.record("no pod"); return }
        let text = DescribeText.describe(pod, in: cluster.store)
        #expect(text.contains("app=web"))
        #expect(text.contains("team: blue") && !text.contains("team=blue"))
    }
}

@Suite("Resource names")
struct ResourceNameTests {
    @Test("Each kind's namespace scope agrees with the upstream v1.33 schema (kubectl api-resources NAMESPACED)")
    func scopeMatchesSchema() {
        for entry in ResourceName.all {
            guard let info = KubeSchema.bundled.kinds.first(where: { $0.kind == entry.kind }) else { continue }
            #expect(entry.isNamespaced == info.isNamespaced, "\(entry.kind)")
        }
        #expect(!ResourceName.forKind("ClusterRoleBinding").isNamespaced && ResourceName.forKind("RoleBinding").isNamespaced)
    }
}
