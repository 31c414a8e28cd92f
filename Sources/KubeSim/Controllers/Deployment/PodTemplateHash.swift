import Foundation
import KubeModel

/// `controller.ComputeHash` (pkg/controller/controller_utils.go): an FNV-32a hash of the pod
/// template (upstream hashes its deep-printed Go value; we hash its JSON with sorted keys, stable
/// across runs), then the collision count, rendered by `rand.SafeEncodeString`: each decimal
/// digit mapped into the alphabet `bcdfghjklmnpqrstvwxz2456789`, so no vowels spell words.
enum PodTemplateHash {
    static func compute(_ template: PodTemplateSpec, collisionCount: Int32?) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash: UInt32 = 0x811c_9dc5
        func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        }
        add((try? encoder.encode(template)) ?? Data())
        if let collisionCount {
            // Upstream writes the count's little-endian bytes into the hasher.
            add(withUnsafeBytes(of: UInt32(bitPattern: collisionCount).littleEndian) { Array($0) })
        }
        return safeEncode(String(hash))
    }

    /// `rand.SafeEncodeString`.
    static func safeEncode(_ text: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(text.unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
    }
}
