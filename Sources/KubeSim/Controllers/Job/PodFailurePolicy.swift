import KubeModel

/// `spec.podFailurePolicy` (pkg/controller/job/pod_failure_policy.go `matchPodFailurePolicy`, v1.33):
/// the first rule matching a failed pod decides: `FailJob` fails the Job at once (reason
/// `PodFailurePolicy`), `Ignore` does not count the failure against `backoffLimit`, `Count`
/// counts it as usual. No matching rule counts too.
/// Docs: https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-failure-policy
enum PodFailurePolicy {
    enum Action: String { case failJob = "FailJob", ignore = "Ignore", count = "Count", failIndex = "FailIndex" }

    /// The matching rule's action and, for FailJob, upstream's message.
    static func match(_ pod: Pod, job: Job) -> (action: Action, message: String)? {
        guard pod.status?.phase == "Failed", let rules = job.spec?.podFailurePolicy?.rules else { return nil }
        let namespace = pod.metadata.namespace ?? "default", name = pod.metadata.name ?? ""
        for (index, rule) in rules.enumerated() {
            guard let action = Action(rawValue: rule.action) else { continue }
            if let requirement = rule.onExitCodes,
               let status = matchingContainer(pod, requirement) {
                let code = status.state?.terminated?.exitCode ?? 0
                return (action, "Container \(status.name) for pod \(namespace)/\(name) failed with exit code \(code) matching \(action.rawValue) rule at index \(index)")
            }
            for pattern in rule.onPodConditions ?? [] {
                let status = pattern.status.isEmpty ? "True" : pattern.status
                if let condition = pod.status?.conditions?.first(where: { $0.type == pattern.type && $0.status == status }) {
                    return (action, "Pod \(namespace)/\(name) has condition \(condition.type) matching \(action.rawValue) rule at index \(index)")
                }
            }
        }
        return nil
    }

    /// `getMatchingContainerFromList`: the first container (init containers too) that exited
    /// non-zero with a code the requirement's operator accepts; exit code 0 never matches.
    private static func matchingContainer(_ pod: Pod, _ requirement: PodFailurePolicyOnExitCodesRequirement) -> ContainerStatus? {
        let statuses = (pod.status?.initContainerStatuses ?? []) + (pod.status?.containerStatuses ?? [])
        return statuses.first { status in
            guard let code = status.state?.terminated?.exitCode, code != 0 else { return false }
            if let container = requirement.containerName, container != status.name { return false }
            let listed = requirement.values.contains(code)
            return requirement.operator == "In" ? listed : (requirement.operator == "NotIn" && !listed)
        }
    }
}
