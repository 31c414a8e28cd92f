/// Controllers that own pods: pkg/apis/apps/validation (`ValidateDeploymentSpec`, `ValidateReplicaSetSpec`,
/// `ValidateDaemonSetSpec`, `ValidateStatefulSetSpec`, `ValidatePodTemplateSpecForReplicaSet`) and
/// pkg/apis/batch/validation (`validateJobSpec`, `validateCronJobSpec`, `validateScheduleFormat`), v1.33.0.
enum WorkloadRules {
    /// Selector present and non-empty, matching the template's labels; template restartPolicy Always.
    static func checkSelectedTemplate(selector: LabelSelector, template: PodTemplateSpec?, path: String, kindWord: String,
                                      extraVolumeNames: Set<String> = [], _ context: inout RuleContext) {
        let selectorPath = FieldPath.child(path, "selector")
        if context.wasWritten(selectorPath) {
            CommonRules.labelSelector(selector, selectorPath, &context)
            if selector.isEmpty {
                context.invalid(selectorPath, "", "empty selector is invalid for \(kindWord)")
            } else if let template, !selector.matches(template.metadata?.labels ?? [:]) {
                context.add(FieldPath.child(path, "template.metadata.labels"),
                            "Invalid value: \(CommonRules.goMap(template.metadata?.labels)): `selector` does not match template `labels`")
            }
        }
        checkTemplate(template, path: FieldPath.child(path, "template"), restartPolicies: ["Always"], extraVolumeNames: extraVolumeNames, &context)
        if let deadline = template?.spec?.activeDeadlineSeconds, deadline > 0 {
            context.forbidden(FieldPath.child(path, "template.spec.activeDeadlineSeconds"), "activeDeadlineSeconds in ReplicaSet is not Supported")
        }
    }

    static func checkTemplate(_ template: PodTemplateSpec?, path: String, restartPolicies: [String], extraVolumeNames: Set<String> = [],
                              _ context: inout RuleContext) {
        guard let template else { return }
        if let meta = template.metadata { ObjectMetaRules.checkLabels(meta.labels ?? [:], path: FieldPath.child(path, "metadata.labels"), &context) }
        if let spec = template.spec {
            PodSpecRules.check(spec, path: FieldPath.child(path, "spec"), allowedRestartPolicies: restartPolicies,
                               extraVolumeNames: extraVolumeNames, &context)
        } else if context.wasWritten(path) {
            context.required(FieldPath.child(path, "spec.containers"))
        }
    }

    static func deployment(_ spec: DeploymentSpec, _ context: inout RuleContext) {
        CommonRules.nonNegative(spec.replicas.map(Int64.init), "spec.replicas", &context)
        checkSelectedTemplate(selector: spec.selector, template: spec.template, path: "spec", kindWord: "deployment", &context)
        CommonRules.nonNegative(spec.revisionHistoryLimit.map(Int64.init), "spec.revisionHistoryLimit", &context)
        CommonRules.nonNegative(spec.minReadySeconds.map(Int64.init), "spec.minReadySeconds", &context)
        if let deadline = spec.progressDeadlineSeconds {
            if deadline <= Int32(spec.minReadySeconds ?? 0) {
                context.invalid(number: "spec.progressDeadlineSeconds", Int64(deadline), "must be greater than minReadySeconds")
            }
        }
        guard let strategy = spec.strategy else { return }
        CommonRules.oneOf(strategy.type, ["Recreate", "RollingUpdate"], "spec.strategy.type", &context)
        if strategy.type == "Recreate", strategy.rollingUpdate != nil {
            context.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'")
        }
        if let rolling = strategy.rollingUpdate {
            CommonRules.intOrPercent(rolling.maxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable", &context)
            CommonRules.intOrPercent(rolling.maxSurge, "spec.strategy.rollingUpdate.maxSurge", &context)
            if isZero(rolling.maxUnavailable), isZero(rolling.maxSurge) {
                context.add("spec.strategy.rollingUpdate.maxUnavailable",
                            "Invalid value: \(rolling.maxUnavailable?.description ?? "0"): may not be 0 when `maxSurge` is 0")
            }
            if case .string(let text)? = rolling.maxUnavailable, let percent = Int(text.dropLast()), text.hasSuffix("%"), percent > 100 {
                context.invalid("spec.strategy.rollingUpdate.maxUnavailable", text, "must not be greater than 100%")
            }
        }
    }

    private static func isZero(_ value: IntOrString?) -> Bool {
        switch value {
        case .int(0)?, .string("0%")?: return true
        default: return false
        }
    }

    static func job(_ spec: JobSpec, path: String, _ context: inout RuleContext) {
        for (field, value) in [("parallelism", spec.parallelism), ("completions", spec.completions), ("backoffLimit", spec.backoffLimit)] {
            CommonRules.nonNegative(value.map(Int64.init), FieldPath.child(path, field), &context)
        }
        CommonRules.nonNegative(spec.activeDeadlineSeconds, FieldPath.child(path, "activeDeadlineSeconds"), &context)
        CommonRules.nonNegative(spec.ttlSecondsAfterFinished.map(Int64.init), FieldPath.child(path, "ttlSecondsAfterFinished"), &context)
        CommonRules.oneOf(spec.completionMode, ["NonIndexed", "Indexed"], FieldPath.child(path, "completionMode"), &context)
        CommonRules.labelSelector(spec.selector, FieldPath.child(path, "selector"), &context)
        checkTemplate(spec.template, path: FieldPath.child(path, "template"), restartPolicies: ["OnFailure", "Never"], &context)
    }

    static func cronJob(_ cronJob: CronJob, _ context: inout RuleContext) {
        let name = cronJob.metadata.name ?? ""
        if name.utf8.count > 52 { context.invalid("metadata.name", name, "must be no more than 52 characters") }
        guard let spec = cronJob.spec else { return }
        if spec.schedule.isEmpty {
            if context.wasWritten("spec.schedule") { context.required("spec.schedule") }
        } else {
            do { _ = try CronSchedule(parsing: spec.schedule) } catch {
                context.invalid("spec.schedule", spec.schedule, "\(error)")
            }
            if spec.schedule.contains("TZ") {
                context.invalid("spec.schedule", spec.schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")
            }
        }
        if let zone = spec.timeZone, TimeZoneCheck.isValid(zone) == false {
            context.invalid("spec.timeZone", zone, "unknown time zone \(zone)")
        }
        CommonRules.oneOf(spec.concurrencyPolicy, ["Allow", "Forbid", "Replace"], "spec.concurrencyPolicy", &context)
        CommonRules.nonNegative(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds", &context)
        CommonRules.nonNegative(spec.successfulJobsHistoryLimit.map(Int64.init), "spec.successfulJobsHistoryLimit", &context)
        CommonRules.nonNegative(spec.failedJobsHistoryLimit.map(Int64.init), "spec.failedJobsHistoryLimit", &context)
        if let jobSpec = spec.jobTemplate.spec { job(jobSpec, path: "spec.jobTemplate.spec", &context) }
    }
}

extension RuleContext {
    mutating func invalid(number path: String, _ value: Int64, _ detail: String) {
        invalid(path, number: value, detail)
    }
}
