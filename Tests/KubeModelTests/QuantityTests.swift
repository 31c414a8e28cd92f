import Testing
@testable import KubeModel

/// Expected texts from apimachinery pkg/api/resource/quantity_test.go (v1.33.0) `TestQuantityParse`,
/// `TestQuantityCanonicalization` and the Quantity doc comment ("1.5 will be serialized as 1500m,
/// 1.5Gi will be serialized as 1536Mi").
struct QuantityTests {
    @Test("Quantities print in upstream's canonical form", arguments: [
        ("100m", "100m"), ("0.5", "500m"), ("1.5", "1500m"), ("1Gi", "1Gi"), ("1.5Gi", "1536Mi"),
        ("1024Mi", "1Gi"), ("1G", "1G"), ("1000", "1k"), ("1e3", "1e3"), ("1E6", "1e6"), ("0.1m", "100u"),
        ("1Ki", "1Ki"), ("1000Ki", "1000Ki"), ("512Ki", "512Ki"), ("0.5Gi", "512Mi"), ("1n", "1n"),
        ("0.0000000001", "1n"), ("-100m", "-100m"), ("+1", "1"), ("0", "0"), ("00100", "100"), ("10e-3", "10e-3"),
        ("2.5k", "2500"), ("1.", "1"), (".5", "500m"), ("100Mi", "100Mi"), ("1.0001Gi", "1073849198182400u"),
    ])
    func canonical(_ input: String, _ expected: String) throws {
        #expect(try Quantity(parsing: input).description == expected)
    }

    @Test("Malformed quantities fail with upstream's errors", arguments: [
        ("1K", QuantityError.suffix), ("1.5.5", .formatWrong), ("", .formatWrong), ("abc", .formatWrong), ("1.5X", .formatWrong),
        ("1 Gi", .formatWrong), ("1Gib", .formatWrong), ("1Ti5", .suffix), ("5ii", .suffix),
    ])
    func malformed(_ input: String, _ expected: QuantityError) {
        #expect(throws: expected) { try Quantity(parsing: input) }
    }

    @Test("Quantities compare by value and add up")
    func arithmetic() throws {
        let half = try Quantity(parsing: "500m"), one = try Quantity(parsing: "1")
        #expect(half < one)
        #expect(half + half == one)
        #expect((try Quantity(parsing: "1Gi")) == (try Quantity(parsing: "1024Mi")))
        #expect((Quantity() + (try Quantity(parsing: "512Mi")) + (try Quantity(parsing: "512Mi"))).description == "1Gi")
        #expect(try Quantity(parsing: "250m").milliValue == 250)
        #expect(try Quantity(parsing: "1.2").value == 2)
    }
}
