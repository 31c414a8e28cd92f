import Testing
@testable import KubeModel

/// The kinds' `==` is generated to compare status first and metadata last (a store write is
/// usually told apart by its status); the order must not lose a field: any one field differing
/// makes two objects unequal, and objects equal in every field are equal.
@Suite("Generated equality of the kinds")
struct KindEqualityTests {
    func pod() -> Pod {
        var pod = Pod()
        pod.metadata.name = "web"
        var spec = PodSpec()
        var container = Container()
        container.name = "main"
        spec.containers = [container]
        pod.spec = spec
        var status = PodStatus()
        status.phase = "Pending"
        pod.status = status
        return pod
    }

    @Test("A Pod differing in any one field alone is unequal; separately built equal Pods are equal")
    func podFields() {
        #expect(pod() == pod())
        var changes: [(String, (inout Pod) -> Void)] = []
        changes.append(("apiVersion", { $0.apiVersion = "v2" }))
        changes.append(("kind", { $0.kind = "NotPod" }))
        changes.append(("metadata", { $0.metadata.resourceVersion = "7" }))
        changes.append(("spec", { $0.spec?.nodeName = "worker-1" }))
        changes.append(("status", { $0.status?.phase = "Running" }))
        changes.append(("status removed", { $0.status = nil }))
        for (field, change) in changes {
            var changed = pod()
            change(&changed)
            #expect(changed != pod(), "\(field)")
            #expect(pod() != changed, "\(field), compared the other way")
        }
    }

    @Test("A kind with data fields rather than spec and status (ConfigMap) compares each of them")
    func configMapFields() {
        var map = ConfigMap()
        map.metadata.name = "settings"
        map.data = ["mode": "fast"]
        var other = map
        #expect(map == other)
        other.binaryData = ["blob": "AA=="]
        #expect(map != other)
        other = map
        other.immutable = true
        #expect(map != other)
        other = map
        other.data = ["mode": "slow"]
        #expect(map != other)
        other = map
        other.metadata.labels = ["app": "web"]
        #expect(map != other)
    }
}
