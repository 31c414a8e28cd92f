import Foundation
import Testing
@testable import KubeModel

/// The generated types keep object-typed fields in copy-on-write boxes; they must still behave as
/// plain values: a copy never sees the other's writes, equality is by value, and JSON is unchanged.
@Suite("Copy-on-write boxes in the generated types")
struct BoxTests {
    func pod() -> Pod {
        var pod = Pod()
        pod.metadata.name = "web"
        var container = Container()
        container.name = "main"
        container.image = "nginx:1.27"
        var spec = PodSpec()
        spec.containers = [container]
        pod.spec = spec
        return pod
    }

    @Test("Writing through a copy leaves the original as it was, however deep the write")
    func valueSemantics() {
        let original = pod()
        var copy = original
        copy.spec?.nodeName = "worker-1"
        copy.spec?.containers[0].image = "nginx:1.28"
        copy.metadata.labels = ["app": "web"]
        #expect(original.spec?.nodeName == nil)
        #expect(original.spec?.containers.first?.image == "nginx:1.27")
        #expect(original.metadata.labels == nil)
        #expect(copy.spec?.nodeName == "worker-1" && copy.spec?.containers.first?.image == "nginx:1.28")
    }

    @Test("Equality is by value: separately built equal objects are equal, one changed field is not")
    func equality() {
        #expect(pod() == pod())
        var changed = pod()
        changed.spec?.containers[0].image = "nginx:1.28"
        #expect(changed != pod())
        var restored = changed
        restored.spec?.containers[0].image = "nginx:1.27"
        #expect(restored == pod())
    }

    @Test("Equality compares boxes in place: shared storage, storage holding nil and no storage all agree with value equality")
    func equalityCases() {
        let empty = OptionalBox<PodSpec>(); var holdingNil = OptionalBox<PodSpec>()
        holdingNil.storage = BoxStorage(nil)  // what a `_modify` leaves for an instant
        #expect(empty == holdingNil && holdingNil == empty && holdingNil == holdingNil)
        let spec = pod().spec
        let filled = OptionalBox(wrappedValue: spec), same = filled, rebuilt = OptionalBox(wrappedValue: pod().spec)
        #expect(filled == same && filled == rebuilt && rebuilt == filled)
        #expect(filled != empty && empty != filled && filled != holdingNil && holdingNil != filled)
        var changed = rebuilt
        changed.wrappedValue?.nodeName = "worker-1"
        #expect(changed != filled && filled != changed)
        let meta = Box(wrappedValue: pod().metadata), otherMeta = Box(wrappedValue: pod().metadata)
        var renamed = otherMeta
        renamed.wrappedValue.name = "api"
        #expect(meta == otherMeta && meta == meta && meta != renamed)
    }

    @Test("Optional chaining on an absent field leaves it absent; nil assignment clears it")
    func absentFields() {
        var pod = Pod()
        pod.status?.phase = "Running"  // status is nil: nothing is written
        #expect(pod.status == nil)
        pod.status = PodStatus()
        pod.status?.phase = "Running"
        #expect(pod.status?.phase == "Running")
        pod.status = nil
        #expect(pod.status == nil)
        #expect(pod == Pod())  // a cleared field compares as one never set
    }

    @Test("read takes one field of a boxed value, nil when the value is absent; an optional field comes flattened")
    func readField() {
        var pod = pod()
        pod.spec?.nodeName = "worker-1"
        #expect(pod.$spec.read(\.containers)?.map(\.name) == ["main"])
        #expect(pod.$spec.read(\.nodeName) == "worker-1")
        #expect(pod.$spec.read(\.restartPolicy) == nil)
        #expect(Pod().$spec.read(\.nodeName) == nil)
        #expect(Pod().$spec.read(\.containers) == nil)
    }

    @Test("Assigning a projection shares the box; a write to either side afterwards leaves the other as it was")
    func sharedProjection() {
        let template = pod()
        var first = Pod(), second = Pod()
        first.$spec = template.$spec
        second.$spec = template.$spec
        #expect(first.spec == template.spec && second.spec == template.spec)
        first.spec?.nodeName = "worker-1"
        second.spec?.containers[0].image = "nginx:1.28"
        #expect(template.spec?.nodeName == nil && template.spec?.containers.first?.image == "nginx:1.27")
        #expect(first.spec?.nodeName == "worker-1" && first.spec?.containers.first?.image == "nginx:1.27")
        #expect(second.spec?.nodeName == nil && second.spec?.containers.first?.image == "nginx:1.28")
        first.$spec = OptionalBox()
        #expect(first.spec == nil && template.spec != nil)
    }

    @Test("JSON leaves absent object fields out, as before boxing, and decodes back to an equal value")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(pod())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text == #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"image":"nginx:1.27","name":"main"}]}}"#)
        #expect(try JSONDecoder().decode(Pod.self, from: data) == pod())
    }

    static func image(_ object: KubeObject) -> String? {
        if case .pod(let pod) = object { return pod.spec?.containers.first?.image } else { return nil }
    }

    @Test("editPod edits the pod in the object and nothing else; a copy taken before keeps the old value")
    func editPod() {
        var object = KubeObject.pod(pod())
        let before = object
        let image = object.editPod { pod -> String? in
            pod.spec?.containers[0].image = "nginx:1.28"
            return pod.spec?.containers.first?.image
        }
        #expect(image == "nginx:1.28")
        #expect(Self.image(object) == "nginx:1.28")
        #expect(Self.image(before) == "nginx:1.27")
        var job = KubeObject.job(Job())
        #expect(job.editPod { _ in 1 } == nil)
        #expect(job == .job(Job()))
        #expect(job.editJob { job in job.metadata.name = "batch" } != nil)
        #expect(job.metadata.name == "batch")
    }
}
