import Foundation
import KubeModel

/// The set's current and update revisions. Upstream keeps each revision of `spec.template` in a
/// ControllerRevision named `<set>-<hash>` and reports the two live ones in `status.currentRevision`
/// and `status.updateRevision` (stateful_set_control.go `getStatefulSetRevisions`). KubeModel has
/// no ControllerRevision, so the update revision is always the set's own template, and the template
/// of the current revision — needed to recreate pods below the partition after the template has
/// changed — is kept on the set in the `currentRevisionAnnotation`, saved with the cluster.
struct StatefulSetRevisions {
    /// `{"<currentRevision>": <pod template>}`: stands in for the current ControllerRevision.
    static let currentRevisionAnnotation = "kubedrill.io/current-revision-template"

    var currentName: String
    var currentTemplate: PodTemplateSpec
    var updateName: String
    var updateTemplate: PodTemplateSpec

    /// `getStatefulSetRevisions`: the update revision is made from the set; the current one is
    /// the revision named by `status.currentRevision`, or the update revision when there is none.
    init(_ set: StatefulSet) {
        let template = set.spec?.template ?? PodTemplateSpec()
        updateName = Self.name(set, template)
        updateTemplate = template
        currentName = updateName
        currentTemplate = template
        if let wanted = set.status?.currentRevision, wanted != updateName,
           let stored = Self.stored(set), stored.name == wanted {
            currentName = stored.name
            currentTemplate = stored.template
        }
    }

    /// `history.ControllerRevisionName(set.Name, HashControllerRevision(revision, collisionCount))`.
    static func name(_ set: StatefulSet, _ template: PodTemplateSpec) -> String {
        "\(set.metadata.name ?? "")-\(TemplateHash.controllerRevision(template: template, collisionCount: set.status?.collisionCount ?? 0))"
    }

    static func stored(_ set: StatefulSet) -> (name: String, template: PodTemplateSpec)? {
        guard let text = set.metadata.annotations?[currentRevisionAnnotation],
              let map = try? JSONDecoder().decode([String: PodTemplateSpec].self, from: Data(text.utf8)),
              map.count == 1, let entry = map.first else { return nil }
        return (entry.key, entry.value)
    }

    /// The annotation value for the revision `status.currentRevision` names after this sync.
    func annotation(forCurrent name: String) -> String {
        let template = name == currentName ? currentTemplate : updateTemplate
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode([name: template])).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The set as of the current revision (upstream `ApplyRevision(set, currentRevision)`).
    func currentSet(of set: StatefulSet) -> StatefulSet {
        var copy = set
        copy.spec?.template = currentTemplate
        return copy
    }
}
