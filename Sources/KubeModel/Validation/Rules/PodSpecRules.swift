/// `ValidatePodSpec` (pkg/apis/core/validation/validation.go, v1.33.0), for Pods and pod templates.
enum PodSpecRules {
    /// The restart policies a pod spec may have where it appears (`nil`: any of Always/OnFailure/Never).
    /// An unset policy is checked as "Always", the default `SetDefaults_PodSpec` gives it first.
    /// `extraVolumeNames`: volumes the controller adds, such as a StatefulSet's volumeClaimTemplates.
    static func check(_ spec: PodSpec, path: String, allowedRestartPolicies: [String]?, extraVolumeNames: Set<String> = [],
                      _ context: inout RuleContext) {
        let volumeNames = checkVolumes(spec.volumes ?? [], FieldPath.child(path, "volumes"), &context).union(extraVolumeNames)
        ContainerRules.check(spec, path: path, volumeNames: volumeNames, &context)
        let restartPath = FieldPath.child(path, "restartPolicy")
        let restartPolicy = (spec.restartPolicy ?? "").isEmpty ? "Always" : spec.restartPolicy ?? "Always"
        if let allowed = allowedRestartPolicies {
            if !allowed.contains(restartPolicy) { context.unsupported(restartPath, restartPolicy, allowed) }
        } else {
            CommonRules.oneOf(spec.restartPolicy, ["Always", "OnFailure", "Never"], restartPath, &context)
        }
        CommonRules.oneOf(spec.dnsPolicy, ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"], FieldPath.child(path, "dnsPolicy"), &context)
        ObjectMetaRules.checkLabels(spec.nodeSelector ?? [:], path: FieldPath.child(path, "nodeSelector"), &context)
        if let account = spec.serviceAccountName, !account.isEmpty {
            for error in NameFormats.dns1123Subdomain(account) { context.invalid(FieldPath.child(path, "serviceAccountName"), account, error) }
        }
        if let priorityClass = spec.priorityClassName, !priorityClass.isEmpty {
            for error in NameFormats.dns1123Subdomain(priorityClass) { context.invalid(FieldPath.child(path, "priorityClassName"), priorityClass, error) }
        }
        if let deadline = spec.activeDeadlineSeconds, deadline <= 0 {
            context.invalid(FieldPath.child(path, "activeDeadlineSeconds"), number: deadline, "must be between 1 and 2147483647, inclusive")
        }
        CommonRules.nonNegative(spec.terminationGracePeriodSeconds, FieldPath.child(path, "terminationGracePeriodSeconds"), &context)
        for (index, secret) in (spec.imagePullSecrets ?? []).enumerated() where (secret.name ?? "").isEmpty {
            context.required(FieldPath.child(FieldPath.index(FieldPath.child(path, "imagePullSecrets"), index), "name"))
        }
        checkTolerations(spec.tolerations ?? [], FieldPath.child(path, "tolerations"), &context)
        checkTopologySpread(spec.topologySpreadConstraints ?? [], FieldPath.child(path, "topologySpreadConstraints"), &context)
    }

    /// `ValidateVolumes`: DNS-label names, unique, exactly one source. Returns the names for mounts.
    static func checkVolumes(_ volumes: [Volume], _ path: String, _ context: inout RuleContext) -> Set<String> {
        var names = Set<String>()
        for (index, volume) in volumes.enumerated() {
            let volumePath = FieldPath.index(path, index)
            let namePath = FieldPath.child(volumePath, "name")
            if volume.name.isEmpty {
                if context.wasWritten(volumePath) { context.required(namePath) }
            } else {
                for error in NameFormats.dns1123Label(volume.name) { context.invalid(namePath, volume.name, error) }
                if names.contains(volume.name) { context.duplicate(namePath, volume.name) }
            }
            names.insert(volume.name)
            let sources = volumeSources(volume)
            if sources.isEmpty {
                context.required(volumePath, "must specify a volume type")
            } else {
                for extra in sources.dropFirst() { context.forbidden(FieldPath.child(volumePath, extra), "may not specify more than 1 volume type") }
            }
        }
        return names
    }

    /// The volume source fields set, in upstream's check order (`validateVolumeSource`).
    static func volumeSources(_ volume: Volume) -> [String] {
        let candidates: [(String, Bool)] = [
            ("hostPath", volume.hostPath != nil), ("emptyDir", volume.emptyDir != nil), ("gitRepo", volume.gitRepo != nil),
            ("gcePersistentDisk", volume.gcePersistentDisk != nil), ("awsElasticBlockStore", volume.awsElasticBlockStore != nil),
            ("secret", volume.secret != nil), ("nfs", volume.nfs != nil), ("iscsi", volume.iscsi != nil),
            ("glusterfs", volume.glusterfs != nil), ("flocker", volume.flocker != nil),
            ("persistentVolumeClaim", volume.persistentVolumeClaim != nil), ("rbd", volume.rbd != nil),
            ("flexVolume", volume.flexVolume != nil), ("cinder", volume.cinder != nil), ("cephfs", volume.cephfs != nil),
            ("downwardAPI", volume.downwardAPI != nil), ("fc", volume.fc != nil), ("azureFile", volume.azureFile != nil),
            ("configMap", volume.configMap != nil), ("vsphereVolume", volume.vsphereVolume != nil), ("quobyte", volume.quobyte != nil),
            ("azureDisk", volume.azureDisk != nil), ("photonPersistentDisk", volume.photonPersistentDisk != nil),
            ("portworxVolume", volume.portworxVolume != nil), ("scaleIO", volume.scaleIO != nil), ("projected", volume.projected != nil),
            ("storageos", volume.storageos != nil), ("csi", volume.csi != nil), ("ephemeral", volume.ephemeral != nil),
            ("image", volume.image != nil),
        ]
        return candidates.filter(\.1).map(\.0)
    }

    /// `ValidateTolerations`.
    static func checkTolerations(_ tolerations: [Toleration], _ path: String, _ context: inout RuleContext) {
        for (index, toleration) in tolerations.enumerated() {
            let tolerationPath = FieldPath.index(path, index)
            let key = toleration.key ?? "", value = toleration.value ?? "", op = toleration.operator ?? ""
            if !key.isEmpty {
                for error in NameFormats.qualifiedName(key) { context.invalid(FieldPath.child(tolerationPath, "key"), key, error) }
            } else if op != "Exists" {
                context.invalid(FieldPath.child(tolerationPath, "operator"), op,
                                "operator must be Exists when `key` is empty, which means \"match all values and all keys\"")
            }
            if let seconds = toleration.tolerationSeconds, seconds != 0 || toleration.effect != nil, toleration.effect != "NoExecute" {
                context.invalid(FieldPath.child(tolerationPath, "effect"), toleration.effect ?? "",
                                "effect must be 'NoExecute' when `tolerationSeconds` is set")
            }
            switch op {
            case "", "Equal":
                for error in NameFormats.labelValue(value) { context.invalid(FieldPath.child(tolerationPath, "value"), value, error) }
            case "Exists":
                if !value.isEmpty { context.invalid(FieldPath.child(tolerationPath, "operator"), value, "value must be empty when `operator` is 'Exists'") }
            default:
                context.unsupported(FieldPath.child(tolerationPath, "operator"), op, ["Equal", "Exists"])
            }
            CommonRules.oneOf(toleration.effect, ["NoSchedule", "PreferNoSchedule", "NoExecute"], FieldPath.child(tolerationPath, "effect"), &context)
        }
    }

    /// `validateTopologySpreadConstraints`.
    static func checkTopologySpread(_ constraints: [TopologySpreadConstraint], _ path: String, _ context: inout RuleContext) {
        for (index, constraint) in constraints.enumerated() {
            let constraintPath = FieldPath.index(path, index)
            if constraint.maxSkew <= 0, context.wasWritten(FieldPath.child(constraintPath, "maxSkew")) {
                context.invalid(FieldPath.child(constraintPath, "maxSkew"), number: Int64(constraint.maxSkew), "must be greater than zero")
            }
            if constraint.topologyKey.isEmpty, context.wasWritten(FieldPath.child(constraintPath, "topologyKey")) {
                context.required(FieldPath.child(constraintPath, "topologyKey"), "can not be empty")
            }
            if !constraint.whenUnsatisfiable.isEmpty || context.wasWritten(FieldPath.child(constraintPath, "whenUnsatisfiable")) {
                CommonRules.oneOf(constraint.whenUnsatisfiable, ["DoNotSchedule", "ScheduleAnyway"],
                                  FieldPath.child(constraintPath, "whenUnsatisfiable"), &context)
            }
            CommonRules.labelSelector(constraint.labelSelector, FieldPath.child(constraintPath, "labelSelector"), &context)
        }
    }
}
