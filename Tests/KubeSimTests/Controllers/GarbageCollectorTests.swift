import KubeModel
import Testing
@testable import KubeSim

/// Cascading deletion. Upstream: pkg/controller/garbagecollector/garbagecollector.go (v1.33,
/// `attemptToDeleteItem`, `processDeletingDependentsItem`);
/// https://kubernetes.io/docs/concepts/architecture/garbage-collection/ ("Foreground cascading
/// deletion": the owner enters a deletion in progress state, the controller deletes the dependents
/// with blockOwnerDeletion, then the owner) and https://kubernetes.io/docs/tasks/administer-cluster/use-cascading-deletion/
@Suite("Garbage collector")
struct GarbageCollectorTests {
    private func deploymentCluster() throws -> (Cluster, WatchLog, ObjectKey) {
        let cluster = try cluster(WorkloadFixtures.deployment(replicas: 2, container: "        command: [sleep, \"3600\"]"))
        try cluster.advance(by: .seconds(10))
        let log = WatchLog()
        cluster.runner.register(log)
        return (cluster, log, ObjectKey(kind: "Deployment", namespace: "default", name: "web"))
    }

    @Test("Foreground: the Deployment waits, deletionTimestamp and foregroundDeletion set, until its pods and ReplicaSet are gone")
    func foregroundDeployment() throws {
        let (cluster, log, key) = try deploymentCluster()
        let setKey = try #require(cluster.store.keys(kind: "ReplicaSet").first)
        try cluster.delete(key, cascade: .foreground)
        let deleting = try #require(cluster.get(key), "the owner stays while dependents are deleted")
        #expect(deleting.meta.deletionTimestamp != nil)
        #expect(deleting.meta.finalizers == ["foregroundDeletion"])
        let set = try #require(cluster.get(setKey))
        #expect(set.meta.finalizers == ["foregroundDeletion"], "a dependent with dependents of its own is deleted in the foreground too")
        #expect(cluster.pods(named: "web-").allSatisfy { $0.metadata.deletionTimestamp != nil })
        try cluster.advance(by: .seconds(31))  // `sleep` ignores SIGTERM: killed when the 30s grace period ends
        #expect(cluster.get(key) == nil && cluster.get(setKey) == nil && cluster.pods(named: "web-").isEmpty)
        let pods = log.deletions(ofKind: "Pod")
        let setGone = try #require(log.deletionIndex(of: setKey)), deploymentGone = try #require(log.deletionIndex(of: key))
        #expect(pods.count == 2)
        #expect(pods.allSatisfy { $0 < setGone }, "pods are deleted before their ReplicaSet")
        #expect(setGone < deploymentGone, "the ReplicaSet is deleted before the Deployment")
    }

    @Test("Background (the default): the Deployment goes at once, then the ReplicaSet, then the pods")
    func backgroundDeployment() throws {
        let (cluster, log, key) = try deploymentCluster()
        let setKey = try #require(cluster.store.keys(kind: "ReplicaSet").first)
        try cluster.delete(key)
        #expect(cluster.get(key) == nil)
        try cluster.advance(by: .seconds(31))
        let deploymentGone = try #require(log.deletionIndex(of: key)), setGone = try #require(log.deletionIndex(of: setKey))
        #expect(deploymentGone < setGone)
        #expect(log.deletions(ofKind: "Pod").allSatisfy { $0 > setGone })
    }

    @Test("Orphan: the ReplicaSet and pods stay, without the owner reference")
    func orphanDeployment() throws {
        let (cluster, _, key) = try deploymentCluster()
        try cluster.delete(key, cascade: .orphan)
        try cluster.advance(by: .seconds(31))
        let set = try #require(cluster.store.list(kind: "ReplicaSet").first)
        #expect(set.meta.ownerReferences == nil)
        #expect(cluster.pods(named: "web-").count == 2)
    }

    @Test("Foreground deletion of an object without dependents removes it at once")
    func foregroundWithoutDependents() throws {
        let cluster = try cluster("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}")
        let key = ObjectKey(kind: "ConfigMap", namespace: "default", name: "settings")
        try cluster.delete(key, cascade: .foreground)
        #expect(cluster.get(key) == nil)
    }
}
