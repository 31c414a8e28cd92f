/// Dispatches each kind to the upstream validation functions that cover its spec.
enum KindRules {
    static func check(_ object: KubeObject, _ context: inout RuleContext) {
        switch object {
        case .pod(let pod):
            if let spec = pod.spec { PodSpecRules.check(spec, path: "spec", allowedRestartPolicies: nil, &context) }
        case .deployment(let deployment):
            if let spec = deployment.spec { WorkloadRules.deployment(spec, &context) }
        case .replicaSet(let replicaSet):
            if let spec = replicaSet.spec {
                CommonRules.nonNegative(spec.replicas.map(Int64.init), "spec.replicas", &context)
                WorkloadRules.checkSelectedTemplate(selector: spec.selector, template: spec.template, path: "spec", kindWord: "deployment", &context)
            }
        case .daemonSet(let daemonSet):
            if let spec = daemonSet.spec {
                WorkloadRules.checkSelectedTemplate(selector: spec.selector, template: spec.template, path: "spec", kindWord: "daemonset", &context)
            }
        case .statefulSet(let statefulSet):
            if let spec = statefulSet.spec {
                CommonRules.nonNegative(spec.replicas.map(Int64.init), "spec.replicas", &context)
                CommonRules.oneOf(spec.podManagementPolicy, ["OrderedReady", "Parallel"], "spec.podManagementPolicy", &context)
                let claimNames = Set((spec.volumeClaimTemplates ?? []).compactMap { $0.metadata.name })
                WorkloadRules.checkSelectedTemplate(selector: spec.selector, template: spec.template, path: "spec", kindWord: "statefulset",
                                                    extraVolumeNames: claimNames, &context)
            }
        case .job(let job):
            if let spec = job.spec { WorkloadRules.job(spec, path: "spec", &context) }
        case .cronJob(let cronJob):
            WorkloadRules.cronJob(cronJob, &context)
        case .service(let service):
            if let spec = service.spec { ServiceRules.check(spec, &context) }
        case .ingress(let ingress):
            if let spec = ingress.spec { IngressRules.check(spec, &context) }
        case .horizontalPodAutoscaler(let autoscaler):
            if let spec = autoscaler.spec {
                PolicyRules.autoscaler(minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas,
                                       kind: spec.scaleTargetRef.kind, name: spec.scaleTargetRef.name, &context)
                PolicyRules.metrics(spec.metrics ?? [], &context)
            }
        case .autoscalingV1HorizontalPodAutoscaler(let autoscaler):
            if let spec = autoscaler.spec {
                PolicyRules.autoscaler(minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas,
                                       kind: spec.scaleTargetRef.kind, name: spec.scaleTargetRef.name, &context)
                if let target = spec.targetCPUUtilizationPercentage, target < 1 {
                    context.invalid("spec.targetCPUUtilizationPercentage", number: Int64(target), "must be greater than or equal to 1")
                }
            }
        case .persistentVolumeClaim(let claim):
            if let spec = claim.spec { StorageRules.claim(spec, path: "spec", &context) }
        case .persistentVolume(let volume):
            if let spec = volume.spec { StorageRules.volume(spec, &context) }
        case .storageClass(let storageClass):
            StorageRules.storageClass(storageClass, &context)
        case .podDisruptionBudget(let budget):
            if let spec = budget.spec { PolicyRules.disruptionBudget(spec, &context) }
        case .priorityClass(let priorityClass):
            PolicyRules.priorityClass(priorityClass, &context)
        case .networkPolicy(let policy):
            if let spec = policy.spec { PolicyRules.networkPolicy(spec, &context) }
        case .configMap(let configMap):
            ConfigRules.configMap(configMap, &context)
        case .secret(let secret):
            ConfigRules.secret(secret, &context)
        case .resourceQuota(let quota):
            if let spec = quota.spec { ConfigRules.resourceQuota(spec, &context) }
        case .limitRange(let limitRange):
            if let spec = limitRange.spec { ConfigRules.limitRange(spec, &context) }
        case .role(let role):
            RBACRules.rules(role.rules ?? [], &context)
        case .clusterRole(let role):
            RBACRules.rules(role.rules ?? [], &context)
        case .roleBinding(let binding):
            RBACRules.binding(roleRef: binding.roleRef, subjects: binding.subjects ?? [], isClusterBinding: false, &context)
        case .clusterRoleBinding(let binding):
            RBACRules.binding(roleRef: binding.roleRef, subjects: binding.subjects ?? [], isClusterBinding: true, &context)
        case .namespace, .serviceAccount, .node, .event, .ingressClass, .endpoints, .endpointSlice:
            break  // metadata rules only
        }
    }
}
