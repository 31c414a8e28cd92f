import KubeModel
import Testing
@testable import KubeSim

/// The runner's dispatch: controllers are asked only about the kinds they watch (an informer per
/// resource), a key may be queued for later (client-go's `AddAfter`), and changes a sync would
/// return from at once wake nobody. Counts, not timings.
@Suite("Controller runner")
struct ControllerRunnerTests {
    /// Sees ConfigMaps only, and wants each one 30 seconds after it changed.
    final class DelayedConfigWatcher: Controller {
        let name = "zz-delayed"
        let watchedKinds: Set<String>? = ["ConfigMap"]
        private(set) var seenKinds: Set<String> = []
        private(set) var reconciled: [VirtualTime] = []

        func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
            seenKinds.insert(event.key.kind)
            return [event.key]
        }

        func delay(after event: WatchEvent, in store: Store) -> VirtualDuration { .seconds(30) }

        func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
            reconciled.append(now)
            return .done
        }
    }

    static let configAndSecret = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {color: blue}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: token}
        stringData: {key: value}
        """

    /// Watches ConfigMaps and Secrets but manages Secrets only (its primary kind).
    final class SecretManager: Controller {
        let name = "zz-secrets"
        let watchedKinds: Set<String>? = ["ConfigMap", "Secret"]
        let primaryKinds: Set<String>? = ["Secret"]
        private(set) var asked: [String] = []

        func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
            asked.append("\(event.key.kind)/\(event.key.name)")
            return []
        }

        func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult { .done }
    }

    @Test("While no object of a controller's primary kinds exists, it is not asked about other kinds' changes; then it is, and always about its own")
    func primaryKindsGate() throws {
        let cluster = try cluster()
        let manager = SecretManager()
        cluster.runner.register(manager)
        try cluster.apply(yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: early}\ndata: {a: b}", file: "early.yaml")
        #expect(manager.asked.isEmpty, "no Secret yet: a ConfigMap change cannot name one")
        try cluster.apply(yaml: Self.configAndSecret, file: "test.yaml")
        #expect(manager.asked == ["Secret/token"], "applied in order: the ConfigMap came before any Secret")
        try cluster.apply(yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: early}\ndata: {a: c}", file: "early.yaml")
        #expect(manager.asked == ["Secret/token", "ConfigMap/early"])
        try cluster.delete(ObjectKey(kind: "Secret", namespace: "default", name: "token"))
        try cluster.apply(yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: late}\ndata: {a: b}", file: "late.yaml")
        #expect(manager.asked == ["Secret/token", "ConfigMap/early", "Secret/token"], "the last Secret's deletion is its own kind's change; the later ConfigMap is not asked about")
    }

    @Test("A controller is asked only about the kinds it watches")
    func watchedKinds() throws {
        let cluster = try cluster()
        let watcher = DelayedConfigWatcher()
        cluster.runner.register(watcher)
        try cluster.apply(yaml: Self.configAndSecret, file: "test.yaml")
        #expect(watcher.seenKinds == ["ConfigMap"])
    }

    @Test("A delayed key is due that long after the change, and reconciled once then")
    func delayedKey() throws {
        let cluster = try cluster()
        let watcher = DelayedConfigWatcher()
        cluster.runner.register(watcher)
        let start = cluster.now
        try cluster.apply(yaml: Self.configAndSecret, file: "test.yaml")
        let key = ObjectKey(kind: "ConfigMap", namespace: "default", name: "settings")
        #expect(cluster.runner.queue[watcher.name]?[key] == start + .seconds(30))
        try cluster.advance(by: .seconds(29))
        #expect(watcher.reconciled.isEmpty)
        try cluster.advance(by: .seconds(2))
        #expect(watcher.reconciled == [start + .seconds(30)])
    }

    @Test("An Event expires at its lease deadline in storage, without a reconcile, and a quiet cluster's clock does not move for it")
    func eventExpiryInStorage() throws {
        let cluster = try cluster("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {color: blue}")
        let config = try #require(cluster.get(ObjectKey(kind: "ConfigMap", namespace: "default", name: "settings")))
        cluster.store.record("Normal", "Checked", "looked at", on: config, component: "test")
        let written = cluster.now
        #expect(try cluster.advanceUntilQuiet())
        #expect(cluster.now == written)  // expiry is not activity
        let before = cluster.runner.reconcileCount
        try cluster.advance(by: .seconds(3599))
        #expect(cluster.store.list(kind: "Event", namespace: "default").count == 1)
        try cluster.advance(by: .seconds(1))
        #expect(cluster.store.list(kind: "Event", namespace: "default").isEmpty)
        #expect(cluster.runner.reconcileCount == before)
    }

    @Test("A CronJob activation syncs the CronJob when due and when its Job finishes, not after its own status writes")
    func cronJobSyncsPerActivation() throws {
        let cluster = try cluster(BatchFixtures.cronJob())
        try cluster.advance(by: .minutes(4))
        let before = cluster.runner.reconcilesByController["workloads.cronjob"] ?? 0
        try cluster.advance(by: .minutes(5))  // the activation at minute 5; its Job runs to completion
        #expect(cluster.jobs.count == 1)
        #expect((cluster.runner.reconcilesByController["workloads.cronjob"] ?? 0) - before == 2)
    }

    @Test("Keys that differ only in kind or namespace stay distinct")
    func keyIdentity() {
        let keys: Set<ObjectKey> = [
            ObjectKey(kind: "Pod", namespace: "default", name: "web"),
            ObjectKey(kind: "Job", namespace: "default", name: "web"),
            ObjectKey(kind: "Pod", namespace: "team-a", name: "web"),
            ObjectKey(kind: "Pod", namespace: "team-b", name: "web"),
        ]
        #expect(keys.count == 4)
        #expect(keys.contains(ObjectKey(kind: "Pod", namespace: "team-b", name: "web")))
        #expect(!keys.contains(ObjectKey(kind: "Pod", namespace: "team-c", name: "web")))
    }
}
