import KubeModel
import Testing
@testable import KubeSim

/// kubectl's side of rollouts (k8s.io/kubectl/pkg/polymorphichelpers history.go, rollback.go,
/// rollout_status.go; pkg/cmd/rollout, pkg/cmd/scale, pkg/cmd/set, v1.33).
@Suite("Rollout, scale and set image")
struct RolloutTests {
    static let key = ObjectKey(kind: "Deployment", namespace: "default", name: "web")

    func rolledOut(images: [String]) throws -> Cluster {
        let cluster = try cluster(WorkloadFixtures.deployment())
        try cluster.advance(by: .seconds(30))
        for image in images {
            try cluster.setImage(Self.key, [("app", image)])
            try cluster.advance(by: .seconds(30))
        }
        return cluster
    }

    @Test("rollout undo goes back to the previous template and gives it the next revision; the old number leaves the history")
    func undo() throws {
        let cluster = try rolledOut(images: ["nginx:1.28"])
        #expect(try cluster.rolloutHistory(Self.key) == " \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n")
        let first = try #require(cluster.replicaSets().first)
        #expect(try cluster.rolloutUndo(Self.key) == "rolled back")
        try cluster.advance(by: .seconds(30))
        #expect(cluster.deployment()?.spec?.template.spec?.containers.first?.image == "nginx:1.27")
        #expect(try cluster.rolloutHistory(Self.key) == " \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n")
        // The revision-1 ReplicaSet was reused: it is now revision 3 and remembers 1.
        let reused = try #require(cluster.replicaSet(first.metadata.name ?? ""))
        #expect(reused.metadata.annotations?["deployment.kubernetes.io/revision"] == "3")
        #expect(reused.metadata.annotations?["deployment.kubernetes.io/revision-history"] == "1")
        #expect(reused.spec?.replicas == 3)
        #expect(cluster.deployment()?.metadata.annotations?["deployment.kubernetes.io/revision"] == "3")
        #expect(cluster.pods(labelled: "web").allSatisfy { $0.spec?.containers.first?.image == "nginx:1.27" })
    }

    @Test("rollout undo --to-revision: skipped when it matches, an error for a revision not in history")
    func undoToRevision() throws {
        let cluster = try rolledOut(images: ["nginx:1.28", "nginx:1.29"])
        #expect(try cluster.rolloutUndo(Self.key, toRevision: 3) == "skipped rollback (current template already matches revision 3)")
        #expect(throws: RolloutError("unable to find specified revision 9 in history")) { try cluster.rolloutUndo(Self.key, toRevision: 9) }
        #expect(try cluster.rolloutUndo(Self.key, toRevision: 1) == "rolled back")
        try cluster.advance(by: .seconds(30))
        #expect(cluster.replicaSets().map(DeploymentUtil.revision) == [2, 3, 4])
        #expect(cluster.deployment()?.spec?.template.spec?.containers.first?.image == "nginx:1.27")
    }

    @Test("rollout history --revision prints that revision's pod template as kubectl's DescribePodTemplate, with its tabs")
    func historyRevision() throws {
        let cluster = try rolledOut(images: ["nginx:1.28"])
        let hash = try #require(cluster.replicaSets().last?.metadata.labels?["pod-template-hash"])
        let text = try cluster.rolloutHistory(Self.key, revision: 2)
        #expect(text == """
             with revision #2
            Pod Template:
              Labels:\tapp=web
            \tpod-template-hash=\(hash)
              Containers:
               app:
                Image:\tnginx:1.28
                Port:\t<none>
                Host Port:\t<none>
                Environment:\t<none>
                Mounts:\t<none>
              Volumes:\t<none>
              Node-Selectors:\t<none>
              Tolerations:\t<none>


            """)
        #expect(throws: RolloutError("unable to find the specified revision")) { try cluster.rolloutHistory(Self.key, revision: 7) }
        // A bare ReplicaSet has no history (kubectl: `no history viewer has been implemented for "ReplicaSet.apps"`).
        let set = ObjectKey(kind: "ReplicaSet", namespace: "default", name: cluster.replicaSets().last?.metadata.name ?? "")
        #expect(throws: RolloutError("no history viewer has been implemented for \"ReplicaSet.apps\"")) { try cluster.rolloutHistory(set) }
        #expect(throws: RolloutError("no status viewer has been implemented for ReplicaSet.apps")) {
            try cluster.watchRolloutStatus(set, timeout: .seconds(1)) { _ in }
        }
        #expect(throws: RolloutError("replicasets.apps \"\(set.name)\" pausing is not supported")) { try cluster.rolloutPause(set) }
    }

    @Test("rollout status prints kubectl's waiting messages while it advances the clock, then \"deployment \\\"web\\\" successfully rolled out\"")
    func status() throws {
        let cluster = try rolledOut(images: [])
        try cluster.setImage(Self.key, [("app", "nginx:1.28")])
        var messages: [String] = []
        try cluster.watchRolloutStatus(Self.key, timeout: .minutes(10)) { messages.append($0) }
        #expect(messages.first == "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...")
        #expect(messages.contains("Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination..."))
        #expect(messages.last == "deployment \"web\" successfully rolled out")
        #expect(cluster.deployment()?.status?.updatedReplicas == 3)
        var again: [String] = []
        try cluster.watchRolloutStatus(Self.key, timeout: .minutes(10)) { again.append($0) }
        #expect(again == ["deployment \"web\" successfully rolled out"])
    }

    @Test("rollout status on a stalled rollout stops at the progress deadline with \"deployment \\\"web\\\" exceeded its progress deadline\"")
    func statusDeadline() throws {
        let cluster = try cluster(WorkloadFixtures.deployment(extraSpec: "  progressDeadlineSeconds: 120"))
        try cluster.advance(by: .seconds(30))
        try cluster.setImage(Self.key, [("app", "nginx:doesnotexist")])
        let start = cluster.now
        var messages: [String] = []
        #expect(throws: RolloutError("deployment \"web\" exceeded its progress deadline")) {
            try cluster.watchRolloutStatus(Self.key, timeout: .minutes(60)) { messages.append($0) }
        }
        #expect(messages.last == "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...")
        #expect((cluster.now - start).seconds > 120 && (cluster.now - start).seconds < 130)
    }

    @Test("rollout pause, resume and restart: kubectl's errors for a second pause, a resume of a running one, a restart while paused")
    func pauseResumeRestart() throws {
        let cluster = try rolledOut(images: [])
        try cluster.rolloutPause(Self.key)
        #expect(throws: RolloutError("deployments.apps \"web\" is already paused")) { try cluster.rolloutPause(Self.key) }
        #expect(throws: RolloutError("deployments.apps \"web\" can't restart paused deployment (run rollout resume first)")) { try cluster.rolloutRestart(Self.key) }
        try cluster.rolloutResume(Self.key)
        #expect(throws: RolloutError("deployments.apps \"web\" is not paused")) { try cluster.rolloutResume(Self.key) }
        let before = cluster.now.rfc3339
        try cluster.rolloutRestart(Self.key)
        #expect(cluster.deployment()?.spec?.template.metadata?.annotations?["kubectl.kubernetes.io/restartedAt"] == before)
        try cluster.advance(by: .seconds(30))
        #expect(cluster.replicaSets().count == 2)
        #expect(cluster.deployment()?.metadata.annotations?["deployment.kubernetes.io/revision"] == "2")
    }

    @Test("scale sets spec.replicas of Deployments, ReplicaSets and StatefulSets; a DaemonSet has no scale subresource (404 from the API server)")
    func scale() throws {
        let cluster = try rolledOut(images: [])
        try cluster.scale(Self.key, replicas: 5)
        try cluster.advance(by: .seconds(30))
        #expect(cluster.deployment()?.status?.availableReplicas == 5)
        #expect(cluster.eventMessages(Self.key, reason: "ScalingReplicaSet").last == "Scaled up replica set \(cluster.replicaSets().first?.metadata.name ?? "") from 3 to 5")
        #expect(throws: RolloutError("Expected replicas to be 3, was 5")) { try cluster.scale(Self.key, replicas: 1, currentReplicas: 3) }
        let daemonSet = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec: {containers: [{name: agent, image: "busybox:1.36"}]}
            """
        try cluster.apply(yaml: daemonSet, file: "ds.yaml")
        #expect(throws: APIError(reason: "NotFound", message: "the server could not find the requested resource (get daemonsets agent)")) {
            try cluster.scale(ObjectKey(kind: "DaemonSet", namespace: "default", name: "agent"), replicas: 2)
        }
        #expect(throws: RolloutError("no objects passed to scale deployments.apps \"nope\" not found")) {
            try cluster.scale(ObjectKey(kind: "Deployment", namespace: "default", name: "nope"), replicas: 2)
        }
    }

    @Test("set image changes the named container (or * for all); an unknown container is \"unable to find container named …\"")
    func setImage() throws {
        let cluster = try rolledOut(images: [])
        #expect(try cluster.setImage(Self.key, [("app", "nginx:1.28")]))
        #expect(try cluster.setImage(Self.key, [("app", "nginx:1.28")]) == false)
        #expect(throws: RolloutError("unable to find container named \"nginx\"")) { try cluster.setImage(Self.key, [("nginx", "nginx:1.29")]) }
        #expect(try cluster.setImage(Self.key, [("*", "nginx:1.29")]))
        #expect(cluster.deployment()?.spec?.template.spec?.containers.first?.image == "nginx:1.29")
    }
}
