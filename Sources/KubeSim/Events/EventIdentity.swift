import KubeModel

/// What makes a repeat of an event a repeat, so that it bumps `count` on the existing `Event`
/// (client-go tools/record/events_cache.go `getEventKey`: the involved object, reason, message
/// and field path). A struct, not the four joined into a string: an Event is written every few
/// virtual seconds in a busy simulation, and the joined string cost an allocation each time.
struct EventIdentity: Hashable {
    private let fingerprint: Fingerprint
    let uid: String
    let reason: String
    let fieldPath: String
    let message: String

    init(uid: String?, reason: String, fieldPath: String?, message: String) {
        self.uid = uid ?? ""
        self.reason = reason
        self.fieldPath = fieldPath ?? ""
        self.message = message
        fingerprint = .of(self.uid, reason, self.fieldPath, message)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(fingerprint.value) }
    /// The bucket straight from the fingerprint (see `Fingerprint.rawHashValue(seed:)`).
    func _rawHashValue(seed: Int) -> Int { fingerprint.rawHashValue(seed: seed) }

    init(_ event: Event) {
        self.init(uid: event.involvedObject.uid, reason: event.reason ?? "", fieldPath: event.involvedObject.fieldPath, message: event.message ?? "")
    }
}
