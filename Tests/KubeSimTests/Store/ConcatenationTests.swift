import KubedrillSupport
import Testing

@Suite("String(concatenating:)")
struct ConcatenationTests {
    @Test("Parts are joined in order, whatever their length or script, empty parts included")
    func joins() {
        #expect(String(concatenating: "Successfully assigned ", "default", "/", "five-29412345-x7k2p", " to ", "worker-1")
            == "Successfully assigned default/five-29412345-x7k2p to worker-1")
        #expect(String(concatenating: "", "a", "", "ünïcödé ✓", "") == "aünïcödé ✓")
        #expect(String(concatenating: String(repeating: "long", count: 40), "/") == String(repeating: "long", count: 40) + "/")
        #expect(String(concatenating: "").isEmpty)
    }
}
