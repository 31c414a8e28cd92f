import Foundation
import KubeModel

/// The short hashes workload controllers name revisions with.
///
/// Upstream: `controller.ComputeHash` (pkg/controller/controller_utils.go: FNV-1a over the pod
/// template, then the collision count as 8 little-endian bytes) and `history.HashControllerRevision`
/// (pkg/controller/history/controller_history.go: FNV-1 over the revision's data, then the
/// collision count as decimal text), both printed through `rand.SafeEncodeString`. Upstream hashes
/// Go's `DeepHashObject` dump or encoding of the object; we hash its sorted-key JSON, so the
/// values have upstream's alphabet and length but are not byte-identical to a real cluster's.
public enum TemplateHash {
    /// `controller.ComputeHash`: the `controller-revision-hash` of DaemonSet pods.
    public static func podTemplate(_ template: PodTemplateSpec, collisionCount: Int32?) -> String {
        var hash = FNV.offset
        for byte in json(template) { hash = FNV.step1a(hash, byte) }
        if let collisionCount {
            var count = UInt32(bitPattern: collisionCount).littleEndian
            var bytes = [UInt8](repeating: 0, count: 8)
            withUnsafeBytes(of: &count) { raw in for (index, byte) in raw.enumerated() { bytes[index] = byte } }
            for byte in bytes { hash = FNV.step1a(hash, byte) }
        }
        return safeEncode(String(hash))
    }

    /// `history.HashControllerRevision` over a revision holding `spec.template` as a replace patch
    /// (`{"spec":{"template":{"$patch":"replace",…}}}`, stateful_set_utils.go `getPatch`).
    public static func controllerRevision(template: PodTemplateSpec, collisionCount: Int32) -> String {
        let templateJSON = String(decoding: json(template), as: UTF8.self)
        let body = templateJSON == "{}" ? "{\"$patch\":\"replace\"}" : "{\"$patch\":\"replace\"," + templateJSON.dropFirst()
        var hash = FNV.offset
        for byte in Array("{\"spec\":{\"template\":\(body)}}".utf8) + Array(String(collisionCount).utf8) {
            hash = FNV.step1(hash, byte)
        }
        return safeEncode(String(hash))
    }

    /// `rand.SafeEncodeString` (k8s.io/apimachinery/pkg/util/rand): each byte mapped onto an
    /// alphabet without vowels or look-alike characters, so hashes never spell words.
    public static func safeEncode(_ text: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(text.utf8.map { alphabet[Int($0) % alphabet.count] })
    }

    static func json(_ template: PodTemplateSpec) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(template)) ?? Data())
    }

    /// 32-bit Fowler–Noll–Vo, as Go's hash/fnv.
    enum FNV {
        static let offset: UInt32 = 2_166_136_261
        static let prime: UInt32 = 16_777_619
        static func step1(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash &* prime) ^ UInt32(byte) }
        static func step1a(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* prime }
    }
}
