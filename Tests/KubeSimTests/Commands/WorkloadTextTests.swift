import KubeModel
import Testing
@testable import KubeSim

/// kubectl's printing of workloads (k8s.io/kubectl/pkg/describe/describe.go, Go text/tabwriter,
/// metav1.FormatLabelSelector, pkg/printers/internalversion/printers.go; v1.33).
@Suite("Workload text")
struct WorkloadTextTests {
    @Test("tabwriter: consecutive tab-terminated cells align to the widest plus 2; a line without a tab ends the block")
    func tabWriter() {
        let text = "Name:\tweb\nRollingUpdateStrategy:\t25%\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=abc\n"
        #expect(TabWriter.format(text) == """
            Name:                   web
            RollingUpdateStrategy:  25%
            Pod Template:
              Labels:  app=web
                       pod-template-hash=abc

            """)
    }

    @Test("Selectors print as kubectl prints them: sorted by key, `in (…)`, `notin (…)`, `!key`, `<none>` when empty")
    func selectors() {
        var selector = LabelSelector()
        selector.matchLabels = ["tier": "web", "app": "shop"]
        var requirement = LabelSelectorRequirement()
        requirement.key = "env"
        requirement.operator = "In"
        requirement.values = ["prod", "dev"]
        var absent = LabelSelectorRequirement()
        absent.key = "zone"
        absent.operator = "DoesNotExist"
        selector.matchExpressions = [requirement, absent]
        #expect(SelectorText.format(selector) == "app=shop,env in (dev,prod),tier=web,!zone")
        #expect(SelectorText.format(LabelSelector()) == "<none>")
    }

    @Test("describe replicaset: Selector, Controlled By, `3 current / 3 desired`, Pods Status by phase, the pod template and events")
    func describeReplicaSet() throws {
        let cluster = try cluster(WorkloadFixtures.deployment())
        try cluster.advance(by: .seconds(30))
        let set = try #require(cluster.replicaSets().first)
        let hash = set.metadata.labels?["pod-template-hash"] ?? ""
        let text = DescribeText.describe(.replicaSet(set), in: cluster.store)
        #expect(text.hasPrefix("""
            Name:           web-\(hash)
            Namespace:      default
            Selector:       app=web,pod-template-hash=\(hash)
            Labels:         app=web
                            pod-template-hash=\(hash)
            Annotations:    deployment.kubernetes.io/desired-replicas: 3
                            deployment.kubernetes.io/max-replicas: 4
                            deployment.kubernetes.io/revision: 1
            Controlled By:  Deployment/web
            Replicas:       3 current / 3 desired
            Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
            """))
        #expect(text.contains("\nEvents:\n  Type    Reason            Age   From                   Message\n  ----    ------            ----  ----                   -------\n  Normal  SuccessfulCreate  30s   replicaset-controller  Created pod: web-\(hash)-"))
    }

    @Test("get deployments: READY is ready/desired, then UP-TO-DATE and AVAILABLE; -o wide adds CONTAINERS, IMAGES, SELECTOR")
    func table() throws {
        let cluster = try cluster(WorkloadFixtures.deployment())
        try cluster.advance(by: .seconds(30))
        let objects = cluster.store.list(kind: "Deployment", namespace: "default")
        let wide = ResourceTable.make(objects, kind: "Deployment", now: cluster.now, wide: true)
        #expect(wide.header == ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"])
        #expect(wide.rows == [["web", "3/3", "3", "3", "30s", "app", "nginx:1.27", "app=web"]])
        let sets = ResourceTable.make(cluster.store.list(kind: "ReplicaSet", namespace: "default"), kind: "ReplicaSet", now: cluster.now, wide: true)
        #expect(sets.header == ["NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"])
        let hash = cluster.replicaSets().first?.metadata.labels?["pod-template-hash"] ?? ""
        #expect(sets.rows == [["web-\(hash)", "3", "3", "3", "30s", "app", "nginx:1.27", "app=web,pod-template-hash=\(hash)"]])
    }

    @Test("Deleting a Deployment deletes its ReplicaSets and their pods (background cascading deletion)")
    func cascade() throws {
        let cluster = try cluster(WorkloadFixtures.deployment())
        try cluster.advance(by: .seconds(30))
        try cluster.delete(ObjectKey(kind: "Deployment", namespace: "default", name: "web"))
        try cluster.advance(by: .seconds(60))
        #expect(cluster.store.list(kind: "ReplicaSet", namespace: "default").isEmpty)
        #expect(cluster.pods(labelled: "web").isEmpty)
    }
}
