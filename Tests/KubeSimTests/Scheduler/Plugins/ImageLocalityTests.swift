import Testing
@testable import KubeSim

/// Cases after pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go (v1.33.0).
@Suite("ImageLocality (plugins/imagelocality)")
struct ImageLocalityTests {
    static let mb: Int64 = 1024 * 1024

    @Test("two images spread on two nodes, prefer the larger image one")
    func largerImageWins() {
        // Node2: 250 MB × 1/2 nodes = 125 MB → 100 × (125 − 23) / (2000 − 23) = 5; node1: 40 MB × 1/2 < 23 MB → 0.
        let pod = Fixture.pod("p") { spec in
            spec.containers = [Fixture.container("a", image: "gcr.io/40"), Fixture.container("b", image: "gcr.io/250")]
        }
        let snapshot = Fixture.snapshot([Fixture.node("node1", images: [("gcr.io/40:latest", 40 * Self.mb)]),
                                         Fixture.node("node2", images: [("gcr.io/250:latest", 250 * Self.mb)])])
        #expect(Fixture.score(ImageLocality(), pod, snapshot) == ["node1": 0, "node2": 5])
    }

    @Test("Image names without a tag mean :latest")
    func normalizedName() {
        #expect(ImageLocality.normalizedImageName("nginx") == "nginx:latest")
        #expect(ImageLocality.normalizedImageName("localhost:5000/app") == "localhost:5000/app:latest")
        #expect(ImageLocality.normalizedImageName("nginx:1.25") == "nginx:1.25")
    }
}
