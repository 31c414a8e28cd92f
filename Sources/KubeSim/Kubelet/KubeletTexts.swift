/// Event text the kubelet writes that depends on one value only: a container's field path
/// (`spec.containers{main}`) and the `Pulled`, `Created` and `Started` messages, which name
/// its image or name. A CronJob's every pod runs the same container, and composing these
/// strings again for each start was about a tenth of the kubelet's work; each is made once per
/// distinct value and shared after.
final class KubeletTexts {
    enum Template: Int, CaseIterable {
        case containerFieldPath, initContainerFieldPath, imagePresent, created, started

        /// Upstream's wording: pkg/kubelet/images/image_manager.go and
        /// pkg/kubelet/kuberuntime/kuberuntime_container.go (v1.33).
        func text(_ value: String) -> String {
            switch self {
            case .containerFieldPath: "spec.containers{\(value)}"
            case .initContainerFieldPath: "spec.initContainers{\(value)}"
            case .imagePresent: "Container image \"\(value)\" already present on machine"
            case .created: "Created container: \(value)"
            case .started: "Started container \(value)"
            }
        }
    }

    /// Keyed by fingerprint (`HashedString`), not SipHash over the value: four lookups per start.
    /// Unchecked exclusivity, as the store's own state: one simulation runs on one thread.
    @exclusivity(unchecked) private var made: [[HashedString: String]] = Array(repeating: [:], count: Template.allCases.count)

    func text(_ template: Template, _ value: String) -> String {
        let key = HashedString(value)
        if let text = made[template.rawValue][key] { return text }
        let text = template.text(value)
        made[template.rawValue][key] = text
        return text
    }
}
