import Foundation
import KubeModel
import Testing
@testable import KubeSim

/// Recorded Events are made when first read (DeferredEvents.swift); what any read sees must be
/// what writing each one at once gives: the same objects, uids, resourceVersions, counts of
/// repeats and expiries (client-go's recorder, the API server's --event-ttl lease).
@Suite("Deferred Events")
struct DeferredEventTests {
    static let workload = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: tick}
        spec:
          schedule: "*/10 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: main, image: "busybox:1.36", command: [sh, -c, "echo tick"]}]
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: crasher, namespace: team}
        spec:
          containers: [{name: main, image: "busybox:1.36", command: [sh, -c, "exit 1"]}]
        """

    /// Three virtual hours (Events expire after one), the namespace deleted halfway, and in
    /// steps of 20 minutes `look` may read Events, which makes the deferred ones.
    static func run(defers: Bool, look: (Cluster, Int) -> Void) throws -> (saved: Data, log: [RecordedEvent], revision: Int64) {
        let cluster = Cluster()
        cluster.store.defersEvents = defers
        try cluster.apply(yaml: workload, file: "workload.yaml")
        for step in 0..<9 {
            try cluster.advance(by: .minutes(20))
            if step == 4 { try cluster.delete(ObjectKey(kind: "Namespace", name: "team")) }
            look(cluster, step)
        }
        return (try cluster.savedJSON(), cluster.store.eventLog, cluster.store.revision)
    }

    @Test("Deferred or written at once, the saved cluster is byte for byte the same, however often Events were read in between",
          arguments: [0, 1, 3])
    func sameAsEager(lookEvery: Int) throws {
        var highestCount: Int32 = 0
        let eager = try Self.run(defers: false) { cluster, _ in
            for case .event(let event) in cluster.store.list(kind: "Event") { highestCount = max(highestCount, event.count ?? 1) }
        }
        let deferred = try Self.run(defers: true) { cluster, step in
            guard lookEvery > 0, step % lookEvery == 0 else { return }
            _ = cluster.store.list(kind: "Event", namespace: "default")
        }
        #expect(deferred.revision == eager.revision)
        #expect(deferred.log == eager.log)
        #expect(deferred.saved == eager.saved)
        // The run did what it means to check: a repeat bumped an Event (the crash loop's
        // BackOff), and every Event left was written within the last hour.
        #expect(highestCount > 1)
        let loaded = try Cluster.load(json: eager.saved)
        let oldest = loaded.store.list(kind: "Event").compactMap { object -> VirtualTime? in
            if case .event(let event) = object { event.lastTimestamp.flatMap(VirtualTime.init(rfc3339:)) } else { nil }
        }.min()
        #expect(oldest.map { loaded.now - $0 <= .seconds(3600) } == true)
        #expect(loaded.store.list(kind: "Event").count < eager.log.count, "older Events expired")
    }

    @Test("A deferred Event is found by key, by uid and in listings, and a repeat bumps it as an update would")
    func readsAndRepeats() throws {
        let cluster = try cluster("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {color: blue}")
        let config = try #require(cluster.get(ObjectKey(kind: "ConfigMap", namespace: "default", name: "settings")))
        cluster.store.record("Normal", "Checked", "looked at", on: config, component: "test")
        let before = cluster.store.revision
        cluster.store.record("Normal", "Checked", "looked at", on: config, component: "test")
        #expect(cluster.store.revision == before + 1, "the repeat is a write")
        #expect(!cluster.store.deferredEvents.isEmpty)
        let key = try #require(cluster.store.deferredEvents.keys.first)
        guard case .event(let event)? = cluster.store.get(key) else { Issue.record("no Event at \(key)"); return }
        #expect(event.count == 2 && event.metadata.resourceVersion == String(before + 1))
        #expect(cluster.store.object(withUID: event.metadata.uid ?? "")?.key == key)
        #expect(cluster.store.list(kind: "Event", namespace: "default").map(\.key).contains(key))
        #expect(throws: APIError.alreadyExists(key)) { try cluster.store.create(.event(event)) }
    }

    @Test("Writing an Event under a deferred Event's name, unread so far, fails as it would for the written Event")
    func createOverDeferred() throws {
        let cluster = try cluster("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {color: blue}")
        let config = try #require(cluster.get(ObjectKey(kind: "ConfigMap", namespace: "default", name: "settings")))
        cluster.store.record("Normal", "Checked", "looked at", on: config, component: "test")
        let key = try #require(cluster.store.deferredEvents.keys.first)
        var event = Event()
        event.metadata.name = key.name
        event.metadata.namespace = key.namespace
        #expect(throws: APIError.alreadyExists(key)) { try cluster.store.create(.event(event)) }
        #expect(cluster.store.deferredEvents.isEmpty, "asking for the name made the deferred Events")
    }

    @Test("The queue keeps each Event at its serial while older ones leave, in any order, and hands the rest back in order")
    func queueSerials() throws {
        var queue = DeferredEventQueue()
        func recorded(_ index: Int) -> DeferredEvent {
            DeferredEvent(namespace: "default", nanos: UInt64(index),
                          identity: EventIdentity(uid: "u\(index)", reason: "R", fieldPath: nil, message: "m"), uid: UUIDValue(high: 0, low: UInt64(index)),
                          resourceVersion: Int64(index), created: "", lastTimestamp: "", count: 1, type: "Normal",
                          involved: .init(apiVersion: "v1", kind: "ConfigMap", name: "e\(index)", isNamespaced: true), component: "test", host: nil,
                          deadline: VirtualTime(seconds: Int64(index)))
        }
        let serials = (0..<3000).map { queue.append(recorded($0)) }
        #expect(serials == Array(serials.first!..<serials.first! + 3000))
        // Out of order first, then most of the front, past the point where the front is dropped.
        #expect(queue.remove(serials[5]) { $0.key } == ObjectKey(kind: "Event", namespace: "default", name: "e5.5"), "named <object>.<hex nanos>")
        #expect(queue.remove(serials[5]) { $0.key } == nil, "gone once removed")
        for serial in serials[0..<2500] where serial != serials[5] { _ = queue.remove(serial) { _ in } }
        #expect(queue.count == 500)
        #expect(queue.key(of: serials[2600])?.name == "e2600.a28")
        #expect(queue.deadline(of: serials[2999]) == VirtualTime(seconds: 2999))
        #expect(queue.modify(serials[2700]) { $0.count = 5 })
        #expect(!queue.modify(serials[10]) { $0.count = 5 })
        let rest = queue.removeAll()
        #expect(rest.map(\.serial) == Array(serials[2500...]))
        #expect(rest.first { $0.serial == serials[2700] }?.event.count == 5)
        #expect(queue.isEmpty && queue.append(recorded(9)) == serials.last! + 1, "serials keep counting after the queue empties")
    }

    @Test("A made Event names its object as client-go's recorder does: kind, apiVersion, name, uid, the namespace only for a namespaced object, the field path only where the recorder gave one")
    func involvedObject() throws {
        // k8s.io/client-go/tools/record (ref.GetReference, then FieldPath set by the kubelet's
        // container events as `spec.containers{<name>}`); a Node is cluster-scoped.
        let cluster = Cluster()
        try cluster.apply(yaml: """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: main, image: "busybox:1.36", command: [sh, -c, "sleep 3600"]}]
            """, file: "pod.yaml")
        try cluster.advance(by: .seconds(30))
        let pod = try #require(cluster.store.get(.pod("web", namespace: "default")))
        let node = try #require(cluster.store.list(kind: "Node").first)
        cluster.store.record("Normal", "Checked", "looked at", on: node, component: "test")
        let events = cluster.store.list(kind: "Event").compactMap { object -> Event? in if case .event(let event) = object { event } else { nil } }
        let started = try #require(events.first { $0.reason == "Started" })
        #expect(started.involvedObject.kind == "Pod" && started.involvedObject.apiVersion == "v1")
        #expect(started.involvedObject.name == "web" && started.involvedObject.namespace == "default")
        #expect(started.involvedObject.uid == pod.withMetadata(\.uid) && started.involvedObject.uid != nil)
        #expect(started.involvedObject.fieldPath == "spec.containers{main}")
        let scheduled = try #require(events.first { $0.reason == "Scheduled" })
        #expect(scheduled.involvedObject.uid == pod.withMetadata(\.uid) && scheduled.involvedObject.fieldPath == nil)
        let checked = try #require(events.first { $0.reason == "Checked" })
        #expect(checked.involvedObject.kind == "Node" && checked.involvedObject.name == node.withMetadata(\.name))
        #expect(checked.involvedObject.namespace == nil, "a cluster-scoped object's reference has no namespace")
        #expect(checked.metadata.namespace == "default", "its Event lives in default, as the recorder puts it")
    }
}
