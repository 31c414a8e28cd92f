import KubeModel

/// The resourceVersion of the status a controller last wrote for each object, when the sync
/// that wrote it left nothing undone. Upstream's handlers queue the object again on that update,
/// and the sync that follows finds the state it just wrote, at the same instant, and does
/// nothing; a controller whose sync is a function of that state can skip the update instead.
final class OwnStatusWrites {
    @exclusivity(unchecked) private var versions: [ObjectKey: String] = [:]

    /// Remembers `written` (what the store returned for the write).
    func record(_ written: KubeObject?) {
        guard let written, let version = written.withMetadata(\.resourceVersion) else { return }
        versions[written.key] = version
    }

    /// True for the update event of such a write; a deletion forgets the object.
    func isOwn(_ event: WatchEvent) -> Bool {
        switch event.type {
        case .added: return false
        case .deleted:
            versions[event.key] = nil
            return false
        case .modified:
            return versions[event.key].map { $0 == event.object.withMetadata(\.resourceVersion) } ?? false
        }
    }
}
