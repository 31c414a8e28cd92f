import KubeModel

/// kubectl describe's `Pod Template:` section and the helpers it shares with the workload
/// describers (k8s.io/kubectl/pkg/describe/describe.go `DescribePodTemplate`,
/// `describeContainers` without statuses, `describeVolumes`, `printLabelsMultiline`,
/// `printAnnotationsMultiline`, `printTolerationsMultilineWithIndent`, v1.33). Lines use tabs
/// between label and value, aligned afterwards by `TabWriter` as kubectl's tabwriter does.
enum PodTemplateText {
    /// `printLabelsMultilineWithIndent`: one `key=value` per line, sorted; `<none>` when empty.
    static func labels(_ title: String, _ labels: [String: String]?, indent: String = "", into out: inout String) {
        let sorted = (labels ?? [:]).sorted { $0.key < $1.key }
        guard !sorted.isEmpty else { out += "\(indent)\(title):\t<none>\n"; return }
        for (index, entry) in sorted.enumerated() {
            out += (index == 0 ? "\(indent)\(title):\t" : "\(indent)\t") + "\(entry.key)=\(entry.value)\n"
        }
    }

    /// `printAnnotationsMultiline`: `key: value`, long or multi-line values folded (140 columns);
    /// the last-applied configuration is skipped, as is `skip`.
    static func annotations(_ title: String, _ annotations: [String: String]?, skip: Set<String> = [], into out: inout String) {
        let hidden = skip.union(["kubectl.kubernetes.io/last-applied-configuration"])
        let keys = (annotations ?? [:]).keys.filter { !hidden.contains($0) }.sorted()
        guard !keys.isEmpty else { out += "\(title):\t<none>\n"; return }
        for (index, key) in keys.enumerated() {
            out += index == 0 ? "\(title):\t" : "\t"
            var value = annotations?[key] ?? ""
            if value.hasSuffix("\n") { value.removeLast() }
            if value.count + key.count + 2 > 140 || value.contains("\n") {
                out += "\(key):\n"
                for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += "\t  " + (line.count > 138 ? String(line.prefix(138)) + "..." : String(line)) + "\n"
                }
            } else {
                out += "\(key): \(value)\n"
            }
        }
    }

    static func describe(_ template: PodTemplateSpec, into out: inout String) {
        out += "Pod Template:\n"
        labels("  Labels", template.metadata?.labels, into: &out)
        if let annotations = template.metadata?.annotations, !annotations.isEmpty {
            self.annotations("  Annotations", annotations, into: &out)
        }
        let spec = template.spec ?? PodSpec()
        if let account = spec.serviceAccountName, !account.isEmpty { out += "  Service Account:\t\(account)\n" }
        if let initContainers = spec.initContainers, !initContainers.isEmpty { containers("Init Containers", initContainers, into: &out) }
        containers("Containers", spec.containers, into: &out)
        volumes(spec.volumes ?? [], into: &out)
        if let priorityClass = spec.priorityClassName, !priorityClass.isEmpty { out += "  Priority Class Name:\t\(priorityClass)\n" }
        labels("  Node-Selectors", spec.nodeSelector, into: &out)
        tolerations(spec.tolerations ?? [], into: &out)
    }

    /// `describeContainers` for a template: no container IDs, states, readiness or restarts.
    static func containers(_ label: String, _ containers: [Container], into out: inout String) {
        out += "  \(label):\n"
        for container in containers {
            out += "   \(container.name):\n"
            out += "    Image:\t\(container.image ?? "")\n"
            let ports = (container.ports ?? []).map { port in
                "\(port.containerPort)/\(port.protocol ?? "TCP")" + (port.name.map { " (\($0))" } ?? "")
            }.joined(separator: ", ")
            let hostPorts = (container.ports ?? []).map { port in
                "\(port.hostPort ?? 0)/\(port.protocol ?? "TCP")" + (port.name.map { " (\($0))" } ?? "")
            }.joined(separator: ", ")
            out += (ports.contains(",") ? "    Ports:\t" : "    Port:\t") + (ports.nonEmpty ?? "<none>") + "\n"
            out += (hostPorts.contains(",") ? "    Host Ports:\t" : "    Host Port:\t") + (hostPorts.nonEmpty ?? "<none>") + "\n"
            for (title, words) in [("Command", container.command ?? []), ("Args", container.args ?? [])] where !words.isEmpty {
                out += "    \(title):\n"
                for word in words { for line in word.split(separator: "\n", omittingEmptySubsequences: false) { out += "      \(line)\n" } }
            }
            for (title, values) in [("Limits", container.resources?.limits ?? [:]), ("Requests", container.resources?.requests ?? [:])] where !values.isEmpty {
                out += "    \(title):\n"
                for (name, quantity) in values.sorted(by: { $0.key < $1.key }) { out += "      \(name):\t\(quantity)\n" }
            }
            for (title, probe) in [("Liveness", container.livenessProbe), ("Readiness", container.readinessProbe), ("Startup", container.startupProbe)] {
                if let probe { out += "    \(title):\t\(describe(probe))\n" }
            }
            environment(container, into: &out)
            let mounts = (container.volumeMounts ?? []).sorted { $0.mountPath < $1.mountPath }
            out += mounts.isEmpty ? "    Mounts:\t<none>\n" : "    Mounts:\n"
            for mount in mounts {
                var flags = [mount.readOnly == true ? "ro" : "rw"]
                if let subPath = mount.subPath, !subPath.isEmpty { flags.append("path=\"\(subPath)\"") }
                out += "      \(mount.mountPath) from \(mount.name) (\(flags.joined(separator: ",")))\n"
            }
        }
    }

    /// `DescribeProbe`.
    static func describe(_ probe: Probe) -> String {
        let attributes = "delay=\(probe.initialDelaySeconds ?? 0)s timeout=\(probe.timeoutSeconds ?? 1)s period=\(probe.periodSeconds ?? 10)s #success=\(probe.successThreshold ?? 1) #failure=\(probe.failureThreshold ?? 3)"
        if let exec = probe.exec { return "exec [\((exec.command ?? []).joined(separator: " "))] \(attributes)" }
        if let http = probe.httpGet {
            return "http-get \((http.scheme ?? "HTTP").lowercased())://\(http.host ?? ""):\(http.port)\(http.path ?? "") \(attributes)"
        }
        if let tcp = probe.tcpSocket { return "tcp-socket \(tcp.host ?? ""):\(tcp.port) \(attributes)" }
        return "unknown \(attributes)"
    }

    /// `describeContainerEnvFrom` and `describeContainerEnvVars` (no pod to resolve fields from).
    static func environment(_ container: Container, into out: inout String) {
        if let sources = container.envFrom, !sources.isEmpty {
            out += "    Environment Variables from:\n"
            for source in sources {
                let (name, kind, optional) = source.configMapRef.map { ($0.name ?? "", "ConfigMap", $0.optional ?? false) }
                    ?? (source.secretRef?.name ?? "", "Secret", source.secretRef?.optional ?? false)
                let prefix = (source.prefix ?? "").isEmpty ? "" : " with prefix '\(source.prefix ?? "")'"
                out += "      \(name)\t\(kind)\(prefix)\tOptional: \(optional)\n"
            }
        }
        let variables = container.env ?? []
        out += variables.isEmpty ? "    Environment:\t<none>\n" : "    Environment:\n"
        for variable in variables {
            if let reference = variable.valueFrom?.configMapKeyRef {
                out += "      \(variable.name):\t<set to the key '\(reference.key)' of config map '\(reference.name ?? "")'>\tOptional: \(reference.optional ?? false)\n"
            } else if let reference = variable.valueFrom?.secretKeyRef {
                out += "      \(variable.name):\t<set to the key '\(reference.key)' in secret '\(reference.name ?? "")'>\tOptional: \(reference.optional ?? false)\n"
            } else if let field = variable.valueFrom?.fieldRef {
                out += "      \(variable.name):\t (\(field.apiVersion ?? "v1"):\(field.fieldPath))\n"
            } else {
                for (index, line) in (variable.value ?? "").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    out += index == 0 ? "      \(variable.name):\t\(line)\n" : "      \t\(line)\n"
                }
            }
        }
    }

    /// `describeVolumes` for the volume kinds workload templates use most; others print
    /// kubectl's `<unknown>` fallback.
    static func volumes(_ volumes: [Volume], into out: inout String) {
        guard !volumes.isEmpty else { out += "  Volumes:\t<none>\n"; return }
        out += "  Volumes:\n"
        for volume in volumes {
            out += "   \(volume.name):\n"
            if let hostPath = volume.hostPath {
                out += "    Type:\tHostPath (bare host directory volume)\n    Path:\t\(hostPath.path)\n    HostPathType:\t\(hostPath.type.flatMap { $0.nonEmpty } ?? "<none>")\n"
            } else if let emptyDir = volume.emptyDir {
                out += "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\(emptyDir.medium ?? "")\n    SizeLimit:\t\(emptyDir.sizeLimit.map { "\($0)" } ?? "<unset>")\n"
            } else if let configMap = volume.configMap {
                out += "    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t\(configMap.name ?? "")\n    Optional:\t\(configMap.optional ?? false)\n"
            } else if let secret = volume.secret {
                out += "    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t\(secret.secretName ?? "")\n    Optional:\t\(secret.optional ?? false)\n"
            } else if let claim = volume.persistentVolumeClaim {
                out += "    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t\(claim.claimName)\n    ReadOnly:\t\(claim.readOnly ?? false)\n"
            } else {
                out += "  <unknown>\n"
            }
        }
    }

    /// `printTolerationsMultilineWithIndent`, sorted by key.
    static func tolerations(_ tolerations: [Toleration], into out: inout String) {
        guard !tolerations.isEmpty else { out += "  Tolerations:\t<none>\n"; return }
        for (index, toleration) in tolerations.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }).enumerated() {
            var text = toleration.key ?? ""
            if let value = toleration.value, !value.isEmpty { text += "=\(value)" }
            if let effect = toleration.effect, !effect.isEmpty { text += ":\(effect)" }
            if toleration.operator == "Exists", (toleration.value ?? "").isEmpty {
                text += (toleration.key ?? "").isEmpty && (toleration.effect ?? "").isEmpty ? "op=Exists" : " op=Exists"
            }
            if let seconds = toleration.tolerationSeconds { text += " for \(seconds)s" }
            out += (index == 0 ? "  Tolerations:\t" : "\t") + text + "\n"
        }
    }
}
