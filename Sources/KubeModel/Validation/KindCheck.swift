import KubedrillSupport

/// Layer 2: is this an apiVersion and kind Kubernetes v1.33 serves? kubectl's wording for a miss is
/// `no matches for kind "X" in version "Y"`; we add why (removed API, typo, wrong group).
enum KindCheck {
    enum Verdict {
        case modelled(KindInfo)
        case servedButNotModelled
        case rejected(String)
    }

    static func check(apiVersion: String, kind: String, schema: KubeSchema) -> Verdict {
        if let info = schema.kind(apiVersion: apiVersion, kind: kind) { return .modelled(info) }
        if schema.isOtherServedKind(apiVersion: apiVersion, kind: kind) { return .servedButNotModelled }
        var message = "no matches for kind \"\(kind)\" in version \"\(apiVersion)\""
        if let removal = RemovedAPIs.removal(apiVersion: apiVersion, kind: kind) {
            if let replacement = removal.replacement {
                message += ": \(apiVersion) \(kind) was removed in \(removal.removedIn); use apiVersion: \(replacement)"
            } else {
                message += ": \(kind) was removed in \(removal.removedIn); \(removal.advice ?? "")"
            }
            return .rejected(message)
        }
        let sameKind = schema.kinds.filter { $0.kind == kind }.map(\.apiVersion)
        if !sameKind.isEmpty {
            return .rejected(message + " (\(kind) is served as apiVersion: \(sameKind.joined(separator: " or ")))")
        }
        let allKinds = Set(schema.kinds.map(\.kind))
        if let suggestion = Suggest.closest(to: kind, among: allKinds) {
            return .rejected(message + " (did you mean \"\(suggestion)\"?)")
        }
        return .rejected(message)
    }
}
