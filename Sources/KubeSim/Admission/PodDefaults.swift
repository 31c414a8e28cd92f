import KubeModel

/// API-server defaulting of pod specs, wherever they appear (pods and workload templates).
/// Upstream: pkg/apis/core/v1/defaults.go (`SetDefaults_PodSpec`, `SetDefaults_Container`,
/// `SetDefaults_Probe`, `SetDefaults_Pod`) at v1.33.
enum PodDefaults {
    static func apply(to spec: inout PodSpec) {
        // Each field written only when unset: a write of an equal value still costs a copy.
        // A rule added here goes into `needsDefaults` too (DefaultingTests checks each one).
        if spec.restartPolicy == nil { spec.restartPolicy = "Always" }
        if spec.dnsPolicy == nil { spec.dnsPolicy = "ClusterFirst" }
        if spec.terminationGracePeriodSeconds == nil { spec.terminationGracePeriodSeconds = 30 }
        if spec.schedulerName == nil { spec.schedulerName = "default-scheduler" }
        if spec.securityContext == nil { spec.securityContext = PodSecurityContext() }
        if spec.enableServiceLinks == nil { spec.enableServiceLinks = true }
        for index in spec.containers.indices { container(&spec.containers[index]) }
        if spec.initContainers != nil {
            for index in spec.initContainers!.indices { container(&spec.initContainers![index]) }
        }
    }

    /// Whether `apply` would change anything. A Job's template comes from an already defaulted
    /// CronJob, and its pods from that template: asking first keeps them sharing storage, where
    /// editing in place would have copied spec and containers to write nothing.
    static func needsDefaults(_ spec: PodSpec) -> Bool {
        if spec.restartPolicy == nil || spec.dnsPolicy == nil || spec.terminationGracePeriodSeconds == nil || spec.schedulerName == nil
            || spec.securityContext == nil || spec.enableServiceLinks == nil { return true }
        // Elements asked where they lie: `contains(where:)` copied each container out.
        for index in spec.containers.indices where needsDefaults(spec.containers[index]) { return true }
        guard let initContainers = spec.initContainers else { return false }
        for index in initContainers.indices where needsDefaults(initContainers[index]) { return true }
        return false
    }

    static func needsDefaults(_ container: Container) -> Bool {
        if container.imagePullPolicy == nil || container.terminationMessagePath == nil || container.terminationMessagePolicy == nil { return true }
        if container.ports?.contains(where: { $0.protocol == nil }) == true { return true }
        // One probe at a time: a list of the three was an allocation and three copies per container.
        if needsDefaults(container.livenessProbe) || needsDefaults(container.readinessProbe) || needsDefaults(container.startupProbe) { return true }
        if let limits = container.resources?.limits {
            let requests = container.resources?.requests ?? [:]
            if limits.keys.contains(where: { requests[$0] == nil }) { return true }
        }
        return false
    }

    private static func needsDefaults(_ probe: Probe?) -> Bool {
        guard let probe else { return false }
        if probe.timeoutSeconds == nil || probe.periodSeconds == nil || probe.successThreshold == nil || probe.failureThreshold == nil { return true }
        if let http = probe.httpGet, http.path == nil || http.scheme == nil { return true }
        return false
    }

    /// `SetDefaults_Container` and the pod-level rule that limits without requests become requests.
    static func container(_ container: inout Container) {
        if container.imagePullPolicy == nil { container.imagePullPolicy = pullPolicy(for: container.image ?? "") }
        if container.terminationMessagePath == nil { container.terminationMessagePath = "/dev/termination-log" }
        if container.terminationMessagePolicy == nil { container.terminationMessagePolicy = "File" }
        if container.ports != nil {
            for index in container.ports!.indices where container.ports![index].protocol == nil { container.ports![index].protocol = "TCP" }
        }
        if container.livenessProbe != nil { probe(&container.livenessProbe!) }
        if container.readinessProbe != nil { probe(&container.readinessProbe!) }
        if container.startupProbe != nil { probe(&container.startupProbe!) }
        if let limits = container.resources?.limits, !limits.isEmpty {
            var requests = container.resources?.requests ?? [:]
            for (name, quantity) in limits where requests[name] == nil { requests[name] = quantity }
            container.resources?.requests = requests
        }
    }

    /// `SetDefaults_Probe` and, for an HTTP probe, `SetDefaults_HTTPGetAction`.
    static func probe(_ probe: inout Probe) {
        probe.timeoutSeconds = probe.timeoutSeconds ?? 1
        probe.periodSeconds = probe.periodSeconds ?? 10
        probe.successThreshold = probe.successThreshold ?? 1
        probe.failureThreshold = probe.failureThreshold ?? 3
        if probe.httpGet != nil {
            probe.httpGet!.path = probe.httpGet!.path ?? "/"
            probe.httpGet!.scheme = probe.httpGet!.scheme ?? "HTTP"
        }
    }

    /// `Always` for `:latest` or no tag, else `IfNotPresent` (a digest counts as a tag).
    static func pullPolicy(for image: String) -> String {
        let reference = ImageReference(image)
        return reference.tag == "latest" && reference.digest == nil ? "Always" : "IfNotPresent"
    }
}

/// Defaults the API server fills in when an object is created or updated.
/// Upstream: pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go.
struct Defaulting: AdmissionPlugin {
    let name = "Defaulting"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        switch object {
        case .pod:
            object.editPod { pod in
                let qosClass = Self.pod(&pod.spec)
                if pod.status == nil {
                    var status = PodStatus()
                    status.phase = "Pending"
                    status.qosClass = qosClass
                    pod.status = status
                }
            }
        case .deployment(var deployment):
            var spec = deployment.spec ?? DeploymentSpec()
            spec.replicas = spec.replicas ?? 1
            var strategy = spec.strategy ?? DeploymentStrategy()
            strategy.type = strategy.type ?? "RollingUpdate"
            if strategy.type == "RollingUpdate" {
                var rolling = strategy.rollingUpdate ?? RollingUpdateDeployment()
                rolling.maxSurge = rolling.maxSurge ?? .string("25%")
                rolling.maxUnavailable = rolling.maxUnavailable ?? .string("25%")
                strategy.rollingUpdate = rolling
            }
            spec.strategy = strategy
            spec.revisionHistoryLimit = spec.revisionHistoryLimit ?? 10
            spec.progressDeadlineSeconds = spec.progressDeadlineSeconds ?? 600
            Self.template(&spec.template)
            deployment.spec = spec
            object = .deployment(deployment)
        case .replicaSet(var replicaSet):
            var spec = replicaSet.spec ?? ReplicaSetSpec()
            spec.replicas = spec.replicas ?? 1
            if var template = spec.template {
                Self.template(&template)
                spec.template = template
            }
            replicaSet.spec = spec
            object = .replicaSet(replicaSet)
        case .statefulSet(var statefulSet):
            var spec = statefulSet.spec ?? StatefulSetSpec()
            spec.replicas = spec.replicas ?? 1
            spec.podManagementPolicy = spec.podManagementPolicy ?? "OrderedReady"
            spec.revisionHistoryLimit = spec.revisionHistoryLimit ?? 10
            // SetDefaults_StatefulSet: `rollingUpdate: {}` only when the type was left out, a
            // partition of 0 under RollingUpdate, and Retain for an unset PVC retention policy.
            var strategy = spec.updateStrategy ?? StatefulSetUpdateStrategy()
            if strategy.type == nil {
                strategy.type = "RollingUpdate"
                strategy.rollingUpdate = strategy.rollingUpdate ?? RollingUpdateStatefulSetStrategy()
            }
            if strategy.type == "RollingUpdate", var rolling = strategy.rollingUpdate {
                rolling.partition = rolling.partition ?? 0
                strategy.rollingUpdate = rolling
            }
            spec.updateStrategy = strategy
            var retention = spec.persistentVolumeClaimRetentionPolicy ?? StatefulSetPersistentVolumeClaimRetentionPolicy()
            retention.whenDeleted = retention.whenDeleted.flatMap { $0.isEmpty ? nil : $0 } ?? "Retain"
            retention.whenScaled = retention.whenScaled.flatMap { $0.isEmpty ? nil : $0 } ?? "Retain"
            spec.persistentVolumeClaimRetentionPolicy = retention
            Self.template(&spec.template)
            statefulSet.spec = spec
            object = .statefulSet(statefulSet)
        case .daemonSet(var daemonSet):
            var spec = daemonSet.spec ?? DaemonSetSpec()
            spec.revisionHistoryLimit = spec.revisionHistoryLimit ?? 10
            // SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0.
            var strategy = spec.updateStrategy ?? DaemonSetUpdateStrategy()
            strategy.type = strategy.type ?? "RollingUpdate"
            if strategy.type == "RollingUpdate" {
                var rolling = strategy.rollingUpdate ?? RollingUpdateDaemonSet()
                rolling.maxUnavailable = rolling.maxUnavailable ?? .int(1)
                rolling.maxSurge = rolling.maxSurge ?? .int(0)
                strategy.rollingUpdate = rolling
            }
            spec.updateStrategy = strategy
            Self.template(&spec.template)
            daemonSet.spec = spec
            daemonSet.metadata.annotations = Self.templateGeneration(daemonSet, operation)
            object = .daemonSet(daemonSet)
        case .job:
            object.editJob { job in
                if job.spec == nil { job.spec = JobSpec() }
                Self.job(&job.spec!)
            }
        case .cronJob(var cronJob):
            var spec = cronJob.spec ?? CronJobSpec()
            spec.concurrencyPolicy = spec.concurrencyPolicy ?? "Allow"
            spec.suspend = spec.suspend ?? false
            spec.successfulJobsHistoryLimit = spec.successfulJobsHistoryLimit ?? 3
            spec.failedJobsHistoryLimit = spec.failedJobsHistoryLimit ?? 1
            var jobSpec = spec.jobTemplate.spec ?? JobSpec()
            Self.job(&jobSpec)
            spec.jobTemplate.spec = jobSpec
            cronJob.spec = spec
            object = .cronJob(cronJob)
        case .service(var service):
            var spec = service.spec ?? ServiceSpec()
            spec.type = spec.type ?? "ClusterIP"
            spec.sessionAffinity = spec.sessionAffinity ?? "None"
            if var ports = spec.ports {
                for index in ports.indices {
                    ports[index].protocol = ports[index].protocol ?? "TCP"
                    ports[index].targetPort = ports[index].targetPort ?? .int(ports[index].port)
                }
                spec.ports = ports
            }
            if spec.type != "ExternalName", spec.clusterIP == nil, operation.isCreate {
                let address = "10.96.\(store.random.next() % 254 + 1).\(store.random.next() % 254 + 1)"
                spec.clusterIP = address
                spec.clusterIPs = [address]
            }
            service.spec = spec
            object = .service(service)
        case .limitRange(var limitRange):
            // SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, for containers.
            for index in limitRange.spec?.limits.indices ?? 0..<0 {
                guard var item = limitRange.spec?.limits[index], item.type == "Container" else { continue }
                var defaults = item.default ?? [:]
                for (name, quantity) in item.max ?? [:] where defaults[name] == nil { defaults[name] = quantity }
                item.default = defaults.isEmpty ? nil : defaults
                var requests = item.defaultRequest ?? [:]
                for (name, quantity) in defaults where requests[name] == nil { requests[name] = quantity }
                item.defaultRequest = requests.isEmpty ? nil : requests
                limitRange.spec?.limits[index] = item
            }
            object = .limitRange(limitRange)
        default:
            break
        }
    }

    /// The DaemonSet's `deprecated.daemonset.template.generation` annotation, which the API
    /// server keeps (pkg/registry/apps/daemonset/strategy.go): 1 on create, one more on each
    /// update that changes the pod template, never what the client sent on an update.
    static func templateGeneration(_ daemonSet: DaemonSet, _ operation: AdmissionOperation) -> [String: String]? {
        let key = "deprecated.daemonset.template.generation"
        var annotations = daemonSet.metadata.annotations ?? [:]
        switch operation {
        case .create:
            if Int64(annotations[key] ?? "").map({ $0 < 1 }) ?? true { annotations[key] = "1" }
        case .update(let old):
            guard case .daemonSet(let old) = old else { break }
            let previous = Int64(old.metadata.annotations?[key] ?? "") ?? 1
            annotations[key] = String(old.spec?.template == daemonSet.spec?.template ? previous : previous + 1)
        }
        return annotations
    }

    /// Defaults a pod's spec (read and written in place) and returns its QoS class.
    static func pod(_ spec: inout PodSpec?) -> String {
        if case .none = spec { spec = PodSpec() }
        if PodDefaults.needsDefaults(spec!) { PodDefaults.apply(to: &spec!) }
        return QoS.podClass(containers: spec!.containers, initContainers: spec!.initContainers)
    }

    static func template(_ template: inout PodTemplateSpec) {
        if let spec = template.spec, !PodDefaults.needsDefaults(spec) { return }
        if template.spec == nil { template.spec = PodSpec() }
        PodDefaults.apply(to: &template.spec!)
    }

    /// `SetDefaults_Job`: completions and parallelism 1, backoffLimit 6, NonIndexed, not suspended;
    /// podReplacementPolicy Failed with a pod failure policy, else TerminatingOrFailed.
    /// (The selector is generated on create, where the uid is known: JobSelector.)
    static func job(_ spec: inout JobSpec) {
        // Both unset is a work queue in form only: upstream defaults each to 1 only then.
        if spec.completions == nil, spec.parallelism == nil { spec.completions = 1 }
        spec.parallelism = spec.parallelism ?? 1
        spec.podReplacementPolicy = spec.podReplacementPolicy ?? (spec.podFailurePolicy != nil ? "Failed" : "TerminatingOrFailed")
        spec.backoffLimit = spec.backoffLimit ?? 6
        spec.completionMode = spec.completionMode ?? "NonIndexed"
        spec.suspend = spec.suspend ?? false
        template(&spec.template)
    }
}
