import KubeModel

/// `DescribePodTemplate` (k8s.io/kubectl/pkg/describe/describe.go, v1.33) with the container,
/// volume, label and toleration helpers it calls; cells are tab-separated for `TabWriter`
/// (`rollout history --revision` prints them raw, as kubectl does).
enum PodTemplateText {
    static func describe(_ template: PodTemplateSpec?, into out: inout PrefixLines) {
        out.write(0, "Pod Template:\n")
        guard let template else { out.write(1, "<unset>"); return }
        labels("  Labels", template.metadata?.labels, into: &out)
        if let annotations = template.metadata?.annotations, !annotations.isEmpty { self.annotations("  Annotations", annotations, into: &out) }
        let spec = template.spec ?? PodSpec()
        if let account = spec.serviceAccountName, !account.isEmpty { out.write(1, "Service Account:\t\(account)\n") }
        if let initContainers = spec.initContainers, !initContainers.isEmpty { containers("Init Containers", initContainers, into: &out) }
        containers("Containers", spec.containers, into: &out)
        volumes(spec.volumes ?? [], into: &out)
        if let priorityClass = spec.priorityClassName, !priorityClass.isEmpty { out.write(1, "Priority Class Name:\t\(priorityClass)\n") }
        labels("  Node-Selectors", spec.nodeSelector, into: &out)
        tolerations("  Tolerations", spec.tolerations ?? [], into: &out)
    }

    /// `printLabelsMultilineWithIndent`: `key=value`, one per line, sorted; continuation lines
    /// start with `continuation` (the initial indent) before the tab.
    static func labels(_ title: String, _ labels: [String: String]?, continuation: String = "", into out: inout PrefixLines) {
        out.write(0, "\(title):\t")
        let sorted = (labels ?? [:]).sorted { $0.key < $1.key }
        guard !sorted.isEmpty else { out.text += "<none>\n"; return }
        for (index, pair) in sorted.enumerated() {
            if index > 0 { out.write(0, "\(continuation)\t") }
            out.text += "\(pair.key)=\(pair.value)\n"
        }
    }

    /// `printAnnotationsMultiline`: `key: value`, last-applied-configuration left out, long or
    /// multi-line values on their own lines (maxAnnotationLen 140).
    static func annotations(_ title: String, _ annotations: [String: String]?, into out: inout PrefixLines) {
        out.write(0, "\(title):\t")
        let sorted = (annotations ?? [:]).filter { $0.key != "kubectl.kubernetes.io/last-applied-configuration" }.sorted { $0.key < $1.key }
        guard !sorted.isEmpty else { out.text += "<none>\n"; return }
        for (index, pair) in sorted.enumerated() {
            if index > 0 { out.write(0, "\t") }
            var value = pair.value
            if value.hasSuffix("\n") { value.removeLast() }
            if value.count + pair.key.count + 2 > 140 || value.contains("\n") {
                out.text += "\(pair.key):\n"
                for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    let shown = line.count > 138 ? String(line.prefix(138)) + "..." : String(line)
                    out.write(0, "\t  \(shown)\n")
                }
            } else {
                out.text += "\(pair.key): \(value)\n"
            }
        }
    }

    /// `describeContainers` with no statuses (a template's containers).
    static func containers(_ label: String, _ containers: [Container], into out: inout PrefixLines) {
        out.write(0, "  \(label):\n")
        for container in containers {
            out.write(1, " \(container.name):\n")
            out.write(2, "Image:\t\(container.image ?? "")\n")
            // describeContainerPorts: a named port shows its name, `80/TCP (http)`.
            let named = { (port: ContainerPort) in port.name.map { " (\($0))" } ?? "" }
            let ports = (container.ports ?? []).map { "\($0.containerPort)/\($0.protocol ?? "TCP")" + named($0) }
            let hostPorts = (container.ports ?? []).map { "\($0.hostPort ?? 0)/\($0.protocol ?? "TCP")" + named($0) }
            out.write(2, ports.count > 1 ? "Ports:\t\(ports.joined(separator: ", "))\n" : "Port:\t\(ports.first ?? "<none>")\n")
            out.write(2, hostPorts.count > 1 ? "Host Ports:\t\(hostPorts.joined(separator: ", "))\n" : "Host Port:\t\(hostPorts.first ?? "<none>")\n")
            if let command = container.command, !command.isEmpty {
                out.write(2, "Command:\n")
                for part in command { for line in part.split(separator: "\n", omittingEmptySubsequences: false) { out.write(3, "\(line)\n") } }
            }
            if let args = container.args, !args.isEmpty {
                out.write(2, "Args:\n")
                for part in args { for line in part.split(separator: "\n", omittingEmptySubsequences: false) { out.write(3, "\(line)\n") } }
            }
            for (title, values) in [("Limits", container.resources?.limits), ("Requests", container.resources?.requests)] {
                guard let values, !values.isEmpty else { continue }
                out.write(2, "\(title):\n")
                for (name, quantity) in values.sorted(by: { $0.key < $1.key }) { out.write(3, "\(name):\t\(quantity)\n") }
            }
            for (title, probe) in [("Liveness", container.livenessProbe), ("Readiness", container.readinessProbe), ("Startup", container.startupProbe)] {
                guard let probe else { continue }
                out.write(2, "\(title):\t\(describe(probe))\n")
            }
            if let sources = container.envFrom, !sources.isEmpty {
                // describeContainerEnvFrom.
                out.write(2, "Environment Variables from:\n")
                for source in sources {
                    let (name, kind, optional) = source.configMapRef.map { ($0.name ?? "", "ConfigMap", $0.optional ?? false) }
                        ?? (source.secretRef?.name ?? "", "Secret", source.secretRef?.optional ?? false)
                    let prefix = (source.prefix ?? "").isEmpty ? "" : " with prefix '\(source.prefix ?? "")'"
                    out.write(3, "\(name)\t\(kind)\(prefix)\tOptional: \(optional)\n")
                }
            }
            let environment = container.env ?? []
            out.write(2, "Environment:\(environment.isEmpty ? "\t<none>" : "")\n")
            for variable in environment {
                if let value = variable.value {
                    for (index, line) in value.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        out.write(3, index == 0 ? "\(variable.name):\t\(line)\n" : "\t\(line)\n")
                    }
                } else if let reference = variable.valueFrom?.configMapKeyRef {
                    out.write(3, "\(variable.name):\t<set to the key '\(reference.key)' of config map '\(reference.name ?? "")'>\tOptional: \(reference.optional ?? false)\n")
                } else if let reference = variable.valueFrom?.secretKeyRef {
                    out.write(3, "\(variable.name):\t<set to the key '\(reference.key)' in secret '\(reference.name ?? "")'>\tOptional: \(reference.optional ?? false)\n")
                } else if let field = variable.valueFrom?.fieldRef {
                    out.write(3, "\(variable.name):\t (\(field.apiVersion ?? "v1"):\(field.fieldPath))\n")
                } else {
                    out.write(3, "\(variable.name):\t\n")
                }
            }
            let mounts = (container.volumeMounts ?? []).sorted { $0.mountPath < $1.mountPath }
            out.write(2, "Mounts:\(mounts.isEmpty ? "\t<none>" : "")\n")
            for mount in mounts {
                var flags = [mount.readOnly == true ? "ro" : "rw"]
                if let subPath = mount.subPath, !subPath.isEmpty { flags.append("path=\"\(subPath)\"") }
                out.write(3, "\(mount.mountPath) from \(mount.name) (\(flags.joined(separator: ",")))\n")
            }
        }
    }

    /// `DescribeProbe`: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`.
    static func describe(_ probe: Probe) -> String {
        let timing = "delay=\(probe.initialDelaySeconds ?? 0)s timeout=\(probe.timeoutSeconds ?? 1)s period=\(probe.periodSeconds ?? 10)s #success=\(probe.successThreshold ?? 1) #failure=\(probe.failureThreshold ?? 3)"
        if let exec = probe.exec { return "exec [\((exec.command ?? []).joined(separator: " "))] \(timing)" }
        if let http = probe.httpGet {
            return "http-get \((http.scheme ?? "HTTP").lowercased())://\(http.host ?? ""):\(http.port)\(http.path ?? "") \(timing)"
        }
        if let tcp = probe.tcpSocket { return "tcp-socket \(tcp.host ?? ""):\(tcp.port) \(timing)" }
        if let grpc = probe.grpc { return "grpc <pod>:\(grpc.port) \(grpc.service ?? "") \(timing)" }
        return "unknown \(timing)"
    }

    /// `describeVolumes` for the volume types the simulator uses.
    static func volumes(_ volumes: [Volume], into out: inout PrefixLines) {
        guard !volumes.isEmpty else { out.write(0, "  Volumes:\t<none>\n"); return }
        out.write(0, "  Volumes:\n")
        for volume in volumes {
            out.write(1, " \(volume.name):\n")
            if let emptyDir = volume.emptyDir {
                out.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n")
                out.write(2, "Medium:\t\(emptyDir.medium ?? "")\n")
                out.write(2, "SizeLimit:\t\(emptyDir.sizeLimit.map { "\($0)" } ?? "<unset>")\n")
            } else if let configMap = volume.configMap {
                out.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n")
                out.write(2, "Name:\t\(configMap.name ?? "")\n")
                out.write(2, "Optional:\t\(configMap.optional ?? false)\n")
            } else if let secret = volume.secret {
                out.write(2, "Type:\tSecret (a volume populated by a Secret)\n")
                out.write(2, "SecretName:\t\(secret.secretName ?? "")\n")
                out.write(2, "Optional:\t\(secret.optional ?? false)\n")
            } else if let claim = volume.persistentVolumeClaim {
                out.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n")
                out.write(2, "ClaimName:\t\(claim.claimName)\n")
                out.write(2, "ReadOnly:\t\(claim.readOnly ?? false)\n")
            } else if let hostPath = volume.hostPath {
                out.write(2, "Type:\tHostPath (bare host directory volume)\n")
                out.write(2, "Path:\t\(hostPath.path)\n")
                out.write(2, "HostPathType:\t\(hostPath.type.flatMap { $0.isEmpty ? nil : $0 } ?? "<none>")\n")
            } else {
                out.write(2, "<unknown>\n")
            }
        }
    }

    /// `printPodTolerationsMultiline`, sorted by key.
    static func tolerations(_ title: String, _ tolerations: [Toleration], into out: inout PrefixLines) {
        out.write(0, "\(title):\t")
        guard !tolerations.isEmpty else { out.text += "<none>\n"; return }
        for (index, toleration) in tolerations.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }).enumerated() {
            if index > 0 { out.write(0, "\t") }
            var text = toleration.key ?? ""
            if let value = toleration.value, !value.isEmpty { text += "=\(value)" }
            if let effect = toleration.effect, !effect.isEmpty { text += ":\(effect)" }
            if toleration.operator == "Exists", toleration.value == nil || toleration.value == "" { text += text.isEmpty ? "op=Exists" : " op=Exists" }
            if let seconds = toleration.tolerationSeconds { text += " for \(seconds)s" }
            out.text += text + "\n"
        }
    }
}
