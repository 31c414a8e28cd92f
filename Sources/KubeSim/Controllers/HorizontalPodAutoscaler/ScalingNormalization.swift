import Foundation
import KubeModel

/// From the metrics' proposal to the replicas the HPA writes (horizontal.go v1.33): without
/// `spec.behavior`, `normalizeDesiredReplicas` (the highest recommendation of the last 5
/// minutes, then at most max(2×current, 4) and the min/max clamp); with it,
/// `normalizeDesiredReplicasWithBehaviors` (stabilization windows, then the scaling policies'
/// rate over their periods). Sets AbleToScale and ScalingLimited as upstream.
struct ScalingNormalization {
    /// `--horizontal-pod-autoscaler-downscale-stabilization`.
    static let downscaleStabilizationWindow: Int32 = 300

    let current: Int32
    let minReplicas: Int32
    let maxReplicas: Int32
    let now: VirtualTime

    /// `normalizeDesiredReplicas` with `stabilizeRecommendation` and `convertDesiredReplicasWithRules`.
    func legacy(_ proposal: Int32, history: inout HPAHistory, conditions: inout HPAConditions) -> Int32 {
        var stabilized = proposal
        var oldSample: Int?
        let cutoff = now.seconds - Int64(Self.downscaleStabilizationWindow)
        for (index, recommendation) in history.recommendations.enumerated() {
            if recommendation.at < cutoff { oldSample = index } else { stabilized = max(stabilized, recommendation.replicas) }
        }
        record(proposal, replacing: oldSample, in: &history)
        if stabilized != proposal {
            conditions.set("AbleToScale", true, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation")
        } else {
            conditions.set("AbleToScale", true, "ReadyForNewScale", "recommended size matches current size")
        }
        let scaleUpLimit = max(2 * current, 4)
        var maximum = maxReplicas
        var limit = ("TooManyReplicas", "the desired replica count is more than the maximum replica count")
        if maxReplicas > scaleUpLimit {
            maximum = scaleUpLimit
            limit = ("ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
        }
        var desired = stabilized
        var reason = ("DesiredWithinRange", "the desired count is within the acceptable range")
        if stabilized < minReplicas {
            desired = minReplicas
            reason = ("TooFewReplicas", "the desired replica count is less than the minimum replica count")
        } else if stabilized > maximum {
            desired = maximum
            reason = limit
        }
        conditions.set("ScalingLimited", desired != stabilized, reason.0, reason.1)
        return desired
    }

    /// `normalizeDesiredReplicasWithBehaviors`: rules are already defaulted (`Behavior.rules`).
    func withBehavior(_ proposal: Int32, up: HPAScalingRules, down: HPAScalingRules, history: inout HPAHistory,
                      conditions: inout HPAConditions) -> Int32 {
        let stabilized = stabilize(proposal, up: up, down: down, history: &history)
        if stabilized != proposal {
            if proposal >= current {
                conditions.set("AbleToScale", true, "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation")
            } else {
                conditions.set("AbleToScale", true, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation")
            }
        } else {
            conditions.set("AbleToScale", true, "ReadyForNewScale", "recommended size matches current size")
        }
        var desired = stabilized
        var reason = ("DesiredWithinRange", "the desired count is within the acceptable range")
        if stabilized > current {
            let scaleUpLimit = max(Self.scaleUpLimit(current, rules: up, history: history, at: now), current)
            var maximum = maxReplicas
            var limit = ("TooManyReplicas", "the desired replica count is more than the maximum replica count")
            if maximum > scaleUpLimit {
                maximum = scaleUpLimit
                limit = ("ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
            }
            if stabilized > maximum { desired = maximum; reason = limit }
        } else if stabilized < current {
            let scaleDownLimit = min(Self.scaleDownLimit(current, rules: down, history: history, at: now), current)
            var minimum = minReplicas
            var limit = ("TooFewReplicas", "the desired replica count is less than the minimum replica count")
            if minimum < scaleDownLimit {
                minimum = scaleDownLimit
                limit = ("ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate")
            }
            if stabilized < minimum { desired = minimum; reason = limit }
        }
        conditions.set("ScalingLimited", desired != stabilized, reason.0, reason.1)
        return desired
    }

    /// `stabilizeRecommendationWithBehaviors`: the lowest recommendation of the scale-up window
    /// and the highest of the scale-down window bound the result.
    private func stabilize(_ proposal: Int32, up: HPAScalingRules, down: HPAScalingRules, history: inout HPAHistory) -> Int32 {
        let upCutoff = now.seconds - Int64(up.stabilizationWindowSeconds ?? 0)
        let downCutoff = now.seconds - Int64(down.stabilizationWindowSeconds ?? Self.downscaleStabilizationWindow)
        var upRecommendation = proposal, downRecommendation = proposal
        var oldSample: Int?
        for (index, recommendation) in history.recommendations.enumerated() {
            if recommendation.at > upCutoff { upRecommendation = min(upRecommendation, recommendation.replicas) }
            if recommendation.at > downCutoff { downRecommendation = max(downRecommendation, recommendation.replicas) }
            if recommendation.at < upCutoff, recommendation.at < downCutoff { oldSample = index }
        }
        record(proposal, replacing: oldSample, in: &history)
        return min(max(current, upRecommendation), downRecommendation)
    }

    private func record(_ proposal: Int32, replacing oldSample: Int?, in history: inout HPAHistory) {
        let recommendation = HPAHistory.Recommendation(replicas: proposal, at: now.seconds)
        if let oldSample { history.recommendations[oldSample] = recommendation } else { history.recommendations.append(recommendation) }
    }

    /// The replicas when the policy's period began: the current ones less this period's HPA changes.
    private static func periodStart(_ current: Int32, _ policy: HPAScalingPolicy, _ history: HPAHistory, at now: VirtualTime) -> Int32 {
        current - HPAHistory.change(within: policy.periodSeconds, of: history.scaleUp, at: now)
            + HPAHistory.change(within: policy.periodSeconds, of: history.scaleDown, at: now)
    }

    /// `calculateScaleUpLimitWithScalingRules`: each policy allows growth from the replicas at
    /// the start of its period; selectPolicy Max takes the largest, Min the smallest.
    static func scaleUpLimit(_ current: Int32, rules: HPAScalingRules, history: HPAHistory, at now: VirtualTime) -> Int32 {
        if rules.selectPolicy == "Disabled" { return current }
        let proposals = (rules.policies ?? []).map { policy -> Int32 in
            let start = periodStart(current, policy, history, at: now)
            if policy.type == "Pods" { return start + policy.value }
            return Int32((Double(start) * (1 + Double(policy.value) / 100)).rounded(.up))
        }
        return (rules.selectPolicy == "Min" ? proposals.min() : proposals.max()) ?? Int32.min
    }

    /// `calculateScaleDownLimitWithBehaviors`: the mirror image; Percent rounds down the kept replicas.
    static func scaleDownLimit(_ current: Int32, rules: HPAScalingRules, history: HPAHistory, at now: VirtualTime) -> Int32 {
        if rules.selectPolicy == "Disabled" { return current }
        let proposals = (rules.policies ?? []).map { policy -> Int32 in
            let start = periodStart(current, policy, history, at: now)
            if policy.type == "Pods" { return start - policy.value }
            return Int32(Double(start) * (1 - Double(policy.value) / 100))
        }
        return (rules.selectPolicy == "Min" ? proposals.max() : proposals.min()) ?? Int32.max
    }
}

/// The defaults the API server gives a behavior's missing parts (pkg/apis/autoscaling/v2
/// defaults.go `GenerateHPAScaleUpRules`, `GenerateHPAScaleDownRules`): scale up by the
/// larger of 4 pods or 100% per 15 s with no stabilization; scale down by up to 100% per 15 s,
/// the window (nil) being the controller's 300 s.
enum Behavior {
    static func rules(_ behavior: HorizontalPodAutoscalerBehavior) -> (up: HPAScalingRules, down: HPAScalingRules) {
        var up = behavior.scaleUp ?? HPAScalingRules()
        if up.policies == nil { up.policies = [policy("Pods", 4, 15), policy("Percent", 100, 15)] }
        if up.selectPolicy == nil { up.selectPolicy = "Max" }
        if up.stabilizationWindowSeconds == nil { up.stabilizationWindowSeconds = 0 }
        var down = behavior.scaleDown ?? HPAScalingRules()
        if down.policies == nil { down.policies = [policy("Percent", 100, 15)] }
        if down.selectPolicy == nil { down.selectPolicy = "Max" }
        return (up, down)
    }

    private static func policy(_ type: String, _ value: Int32, _ period: Int32) -> HPAScalingPolicy {
        var policy = HPAScalingPolicy()
        policy.type = type
        policy.value = value
        policy.periodSeconds = period
        return policy
    }
}
