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

    @Test("Every arity, the fixed ones and the variadic list, joins the same", arguments: 1...8)
    func arities(count: Int) {
        let parts = (0..<count).map { "part\($0)·" }
        let joined: String
        switch count {
        case 2: joined = String(concatenating: parts[0], parts[1])
        case 3: joined = String(concatenating: parts[0], parts[1], parts[2])
        case 4: joined = String(concatenating: parts[0], parts[1], parts[2], parts[3])
        case 5: joined = String(concatenating: parts[0], parts[1], parts[2], parts[3], parts[4])
        case 6: joined = String(concatenating: parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
        case 7: joined = String(concatenating: parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6])
        case 8: joined = String(concatenating: parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7])
        default: joined = String(concatenating: parts[0])
        }
        #expect(joined == parts.joined())
    }
}
