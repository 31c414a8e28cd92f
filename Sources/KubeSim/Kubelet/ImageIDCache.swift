import KubeModel

/// The `imageID` each image reference resolves to (`docker.io/library/busybox@sha256:…`), made
/// once per image: every status write names it for every container, and parsing the reference
/// and hashing it each time was a tenth of a kubelet sync.
final class ImageIDCache {
    /// Bounded like `ScriptRunCache`: images are few, but a run of ever-new tags must not grow it.
    private static let capacity = 512
    @exclusivity(unchecked) private var ids: [String: String] = [:]

    @exclusivity(unchecked) private var parsed: [String: (reference: ImageReference, profile: ImageProfile?)] = [:]

    /// The reference split and its catalogue entry, made once per image: each container's
    /// runner asked for both, a parse and a scan of the catalogue per pod.
    func resolve(_ image: String) -> (reference: ImageReference, profile: ImageProfile?) {
        if let known = parsed[image] { return known }
        let reference = ImageReference(image)
        let resolved = (reference, ImageCatalogue.profile(for: reference))
        if parsed.count >= Self.capacity { parsed.removeAll(keepingCapacity: true) }
        parsed[image] = resolved
        return resolved
    }

    func id(of image: String) -> String {
        if let known = ids[image] { return known }
        let reference = ImageReference(image)
        let id = "\(reference.registry)/\(reference.repository)@sha256:\(PodStatusBuilder.digest(of: reference.fullName))"
        if ids.count >= Self.capacity { ids.removeAll(keepingCapacity: true) }
        ids[image] = id
        return id
    }
}
