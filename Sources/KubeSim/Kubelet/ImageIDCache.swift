import KubeModel

/// The `imageID` each image reference resolves to (`docker.io/library/busybox@sha256:…`), made
/// once per image: every status write names it for every container, and parsing the reference
/// and hashing it each time was a tenth of a kubelet sync.
final class ImageIDCache {
    /// Bounded like `ScriptRunCache`: images are few, but a run of ever-new tags must not grow it.
    private static let capacity = 512
    @exclusivity(unchecked) private var ids: [String: String] = [:]

    func id(of image: String) -> String {
        if let known = ids[image] { return known }
        let reference = ImageReference(image)
        let id = "\(reference.registry)/\(reference.repository)@sha256:\(PodStatusBuilder.digest(of: reference.fullName))"
        if ids.count >= Self.capacity { ids.removeAll(keepingCapacity: true) }
        ids[image] = id
        return id
    }
}
