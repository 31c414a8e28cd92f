import KubeModel
import Testing
@testable import KubeSim

/// Pod requests as k8s.io/component-helpers/resource `PodRequests` computes them (v1.33.0), with
/// the worked example from `computePodResourceRequest`'s comment in noderesources/fit.go.
@Suite("PodRequests (component-helpers/resource/helpers.go)")
struct PodRequestsTests {
    @Test("Init containers run one by one: the pod needs the larger of their max and the containers' sum")
    func initContainersTakeTheMax() {
        let pod = Fixture.pod("p") { spec in
            spec.initContainers = [Fixture.container("ic1", cpu: "2", memory: "1G"), Fixture.container("ic2", cpu: "2", memory: "3G")]
            spec.containers = [Fixture.container("c1", cpu: "2", memory: "1G"), Fixture.container("c2", cpu: "1", memory: "1G")]
        }
        let requests = PodInfo(pod).requests
        #expect(requests.milliCPU == 3000)
        #expect(requests.memory == 3_000_000_000)
    }

    @Test("Overhead is added to the sum")
    func overheadIsAdded() {
        let pod = Fixture.pod("p", cpu: "500m", memory: "128Mi") { spec in
            spec.overhead = ["cpu": Fixture.quantity("250m"), "memory": Fixture.quantity("120Mi")]
        }
        let requests = PodInfo(pod).requests
        #expect(requests.milliCPU == 750)
        #expect(requests.memory == 248 * 1024 * 1024)
    }

    @Test("Sidecars (restartPolicy Always init containers) add to the sum and to later init containers")
    func sidecarsAreCounted() {
        // KEP-753 "exposing pod resource requirements": sidecar 1 cpu; then an init container of 2
        // needs 1 + 2 = 3; the containers need 1 (sidecar) + 1 = 2; the pod needs max(3, 2) = 3.
        let pod = Fixture.pod("p") { spec in
            spec.initContainers = [Fixture.container("sidecar", cpu: "1", restartPolicy: "Always"), Fixture.container("init", cpu: "2")]
            spec.containers = [Fixture.container("app", cpu: "1")]
        }
        #expect(PodInfo(pod).requests.milliCPU == 3000)
    }

    @Test("Scoring counts 100m cpu and 200Mi memory for a container that requests nothing")
    func nonZeroDefaults() {
        let info = PodInfo(Fixture.pod("p"))
        #expect(info.requests.milliCPU == 0)
        #expect(info.nonZeroRequests.milliCPU == 100)
        #expect(info.nonZeroRequests.memory == 200 * 1024 * 1024)
    }
}
