import KubeModel
import Testing
@testable import KubeSim

/// StatefulSet and DaemonSet defaults. Upstream: pkg/apis/apps/v1/defaults.go
/// (`SetDefaults_StatefulSet`, `SetDefaults_DaemonSet`), v1.33.
@Suite("apps/v1 defaulting")
struct AppsDefaultingTests {
    @Test("StatefulSet: OrderedReady, RollingUpdate with partition 0, Retain/Retain claims, 1 replica, 10 revisions")
    func statefulSetDefaults() throws {
        let cluster = try cluster(Workloads.statefulSet(policy: "OrderedReady").replacingOccurrences(of: "  podManagementPolicy: OrderedReady\n", with: ""))
        let spec = try #require(cluster.statefulSet?.spec)
        #expect(spec.podManagementPolicy == "OrderedReady")
        #expect(spec.updateStrategy?.type == "RollingUpdate")
        #expect(spec.updateStrategy?.rollingUpdate?.partition == 0)
        #expect(spec.updateStrategy?.rollingUpdate?.maxUnavailable == nil, "MaxUnavailableStatefulSet is alpha and off in v1.33")
        #expect(spec.persistentVolumeClaimRetentionPolicy?.whenDeleted == "Retain")
        #expect(spec.persistentVolumeClaimRetentionPolicy?.whenScaled == "Retain")
        #expect(spec.revisionHistoryLimit == 10)
    }

    @Test("StatefulSet: an explicit type RollingUpdate without rollingUpdate is left without one")
    func explicitRollingUpdate() throws {
        let cluster = try cluster(Workloads.statefulSet(strategy: "  updateStrategy: {type: RollingUpdate}"))
        #expect(cluster.statefulSet?.spec?.updateStrategy?.rollingUpdate == nil)
    }

    @Test("DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, 10 revisions")
    func daemonSetDefaults() throws {
        let spec = try #require(try cluster(Workloads.daemonSet()).daemonSet?.spec)
        #expect(spec.updateStrategy?.type == "RollingUpdate")
        #expect(spec.updateStrategy?.rollingUpdate?.maxUnavailable == .int(1))
        #expect(spec.updateStrategy?.rollingUpdate?.maxSurge == .int(0))
        #expect(spec.revisionHistoryLimit == 10)
        let onDelete = try #require(try cluster(Workloads.daemonSet(strategy: "  updateStrategy: {type: OnDelete}")).daemonSet?.spec)
        #expect(onDelete.updateStrategy?.rollingUpdate == nil)
    }
}
