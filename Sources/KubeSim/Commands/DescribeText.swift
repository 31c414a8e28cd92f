import Foundation
import KubeModel

/// `kubectl describe` text (k8s.io/kubectl/pkg/describe/describe.go): pods and nodes in detail,
/// other kinds with their metadata; every kind ends with its events.
public enum DescribeText {
    public static func describe(_ object: KubeObject, in store: Store) -> String {
        if let text = WorkloadDescribe.describe(object, in: store) ?? StorageDescribe.describe(object, in: store)
            ?? ConfigDescribe.describe(object, in: store) ?? ServiceDescribe.describe(object, in: store) { return text }
        var out = Lines()
        let meta = object.meta
        out.field("Name", meta.name ?? "")
        if object.isNamespaced { out.field("Namespace", meta.namespace ?? "default") }
        switch object {
        case .pod(let pod): describePod(pod, &out, store)
        case .node(let node): describeNode(node, &out, store)
        default:
            out.map("Labels", meta.labels)
            out.map("Annotations", meta.annotations?.filter { $0.key != "kubectl.kubernetes.io/last-applied-configuration" }, separator: ": ")
        }
        out.events(store.list(kind: "Event", namespace: object.isNamespaced ? meta.namespace : nil).compactMap { event -> Event? in
            guard case .event(let event) = event, event.involvedObject.uid == meta.uid else { return nil }
            return event
        }, now: store.now)
        return out.text
    }

    /// RFC 1123 with numeric zone, as describe prints times (`Thu, 01 Jan 2026 00:00:30 +0000`).
    static func time(_ text: String?) -> String {
        guard let text, let time = VirtualTime(rfc3339: text) else { return "<unset>" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: VirtualTime.epoch.addingTimeInterval(TimeInterval(time.seconds)))
    }

    private static func describePod(_ pod: Pod, _ out: inout Lines, _ store: Store) {
        out.field("Priority", String(pod.spec?.priority ?? 0))
        if let name = pod.spec?.priorityClassName { out.field("Priority Class Name", name) }
        out.field("Service Account", pod.spec?.serviceAccountName ?? "default")
        out.field("Node", pod.spec?.nodeName.map { "\($0)/\(pod.status?.hostIP ?? "")" } ?? "<none>")
        out.field("Start Time", pod.status?.startTime.map { time($0) } ?? "<unset>")
        out.map("Labels", pod.metadata.labels)
        out.map("Annotations", pod.metadata.annotations?.filter { $0.key != "kubectl.kubernetes.io/last-applied-configuration" }, separator: ": ")
        out.field("Status", PodStatusText.status(pod) == "Terminating" ? "Terminating (lasts \(pod.metadata.deletionGracePeriodSeconds ?? 30)s)" : (pod.status?.phase ?? "Pending"))
        out.field("IP", pod.status?.podIP ?? "")
        if let podIP = pod.status?.podIP { out.line("IPs:"); out.line("  IP:  \(podIP)") } else { out.field("IPs", "<none>") }
        if let initContainers = pod.spec?.initContainers, !initContainers.isEmpty {
            out.line("Init Containers:")
            for container in initContainers { describeContainer(container, pod.status?.initContainerStatuses?.first { $0.name == container.name }, &out) }
        }
        out.line("Containers:")
        for container in pod.spec?.containers ?? [] { describeContainer(container, pod.status?.containerStatuses?.first { $0.name == container.name }, &out) }
        out.line("Conditions:")
        out.line("  Type                        Status")
        for condition in pod.status?.conditions ?? [] {
            out.line("  " + condition.type.padding(toLength: 28, withPad: " ", startingAt: 0) + condition.status)
        }
        out.field("QoS Class", pod.status?.qosClass ?? QoS.podClass(pod.spec ?? PodSpec()))
        out.field("Node-Selectors", (pod.spec?.nodeSelector ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n").nonEmpty ?? "<none>")
        let tolerations = (pod.spec?.tolerations ?? []).map { toleration -> String in
            var text = toleration.key ?? ""
            if let value = toleration.value, !value.isEmpty { text += "=\(value)" }
            if let effect = toleration.effect, !effect.isEmpty { text += ":\(effect)" }
            if toleration.operator == "Exists" { text += " op=Exists" }
            if let seconds = toleration.tolerationSeconds { text += " for \(seconds)s" }
            return text
        }
        out.field("Tolerations", tolerations.joined(separator: "\n").nonEmpty ?? "<none>")
    }

    private static func describeContainer(_ container: Container, _ status: ContainerStatus?, _ out: inout Lines) {
        out.line("  \(container.name):")
        var fields: [(String, String)] = []
        if let id = status?.containerID { fields.append(("Container ID", id)) }
        fields.append(("Image", container.image ?? ""))
        fields.append(("Image ID", status?.imageID ?? ""))
        let ports = (container.ports ?? []).map { "\($0.containerPort)/\($0.protocol ?? "TCP")" }
        fields.append(("Port", ports.joined(separator: ", ").nonEmpty ?? "<none>"))
        fields.append(("Host Port", ports.isEmpty ? "<none>" : ports.map { _ in "0/TCP" }.joined(separator: ", ")))
        if let command = container.command { fields.append(("Command", command.joined(separator: "\n"))) }
        if let args = container.args { fields.append(("Args", args.joined(separator: "\n"))) }
        fields += state("State", status?.state)
        if let last = status?.lastState, last.terminated != nil { fields += state("Last State", last) }
        fields.append(("Ready", status?.ready == true ? "True" : "False"))
        fields.append(("Restart Count", String(status?.restartCount ?? 0)))
        if let limits = container.resources?.limits, !limits.isEmpty {
            fields.append(("Limits", limits.sorted { $0.key < $1.key }.map { "  \($0.key):  \($0.value)" }.joined(separator: "\n")))
        }
        if let requests = container.resources?.requests, !requests.isEmpty {
            fields.append(("Requests", requests.sorted { $0.key < $1.key }.map { "  \($0.key):  \($0.value)" }.joined(separator: "\n")))
        }
        for (label, probe) in [("Liveness", container.livenessProbe), ("Readiness", container.readinessProbe), ("Startup", container.startupProbe)] {
            guard let probe else { continue }
            var action = ""
            if let http = probe.httpGet { action = "http-get http://:\(http.port)\(http.path ?? "/")" }
            if let tcp = probe.tcpSocket { action = "tcp-socket :\(tcp.port)" }
            if let exec = probe.exec { action = "exec [\((exec.command ?? []).joined(separator: " "))]" }
            fields.append((label, "\(action) delay=\(probe.initialDelaySeconds ?? 0)s timeout=\(probe.timeoutSeconds ?? 1)s period=\(probe.periodSeconds ?? 10)s #success=\(probe.successThreshold ?? 1) #failure=\(probe.failureThreshold ?? 3)"))
        }
        let environment = (container.env ?? []).map { variable -> String in
            if let value = variable.value { return "  \(variable.name):  \(value)" }
            if let reference = variable.valueFrom?.configMapKeyRef { return "  \(variable.name):  <set to the key '\(reference.key)' of config map '\(reference.name ?? "")'>  Optional: \(reference.optional ?? false)" }
            if let reference = variable.valueFrom?.secretKeyRef { return "  \(variable.name):  <set to the key '\(reference.key)' in secret '\(reference.name ?? "")'>  Optional: \(reference.optional ?? false)" }
            return "  \(variable.name):  <set from a field>"
        }
        fields.append(("Environment", environment.joined(separator: "\n").nonEmpty ?? "<none>"))
        fields.append(("Mounts", (container.volumeMounts ?? []).map { "  \($0.mountPath) from \($0.name) (\($0.readOnly == true ? "ro" : "rw"))" }.joined(separator: "\n").nonEmpty ?? "<none>"))
        let width = (fields.map(\.0.count).max() ?? 0) + 2
        for (name, value) in fields {
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if name.hasPrefix("  ") {
                out.line("      " + name.trimmingCharacters(in: .whitespaces).padding(toLength: width - 1, withPad: " ", startingAt: 0) + value)
                continue
            }
            if lines.first?.hasPrefix("  ") == true {
                out.line("    \(name):")
                for line in lines { out.line("    " + line) }
            } else {
                out.line("    " + (name + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + (lines.first ?? ""))
                for line in lines.dropFirst() { out.line("    " + String(repeating: " ", count: width + 1) + line) }
            }
        }
    }

    private static func state(_ label: String, _ state: ContainerState?) -> [(String, String)] {
        if let running = state?.running { return [(label, "Running"), ("  Started:", time(running.startedAt))] }
        if let terminated = state?.terminated {
            var fields = [(label, "Terminated"), ("  Reason:", terminated.reason ?? ""), ("  Exit Code:", String(terminated.exitCode))]
            if let message = terminated.message { fields.append(("  Message:", message)) }
            fields += [("  Started:", time(terminated.startedAt)), ("  Finished:", time(terminated.finishedAt))]
            return fields
        }
        if let waiting = state?.waiting {
            var fields = [(label, "Waiting"), ("  Reason:", waiting.reason ?? "")]
            if let message = waiting.message, !message.isEmpty { fields.append(("  Message:", message)) }
            return fields
        }
        return [(label, "Waiting")]
    }

    private static func describeNode(_ node: Node, _ out: inout Lines, _ store: Store) {
        let roles = (node.metadata.labels ?? [:]).keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }.map { String($0.dropFirst(24)) }.sorted()
        out.field("Roles", roles.joined(separator: ",").nonEmpty ?? "<none>")
        out.map("Labels", node.metadata.labels)
        out.field("CreationTimestamp", time(node.metadata.creationTimestamp))
        out.field("Taints", (node.spec?.taints ?? []).map { "\($0.key)\($0.value.map { "=\($0)" } ?? ""):\($0.effect)" }.joined(separator: "\n").nonEmpty ?? "<none>")
        out.field("Unschedulable", node.spec?.unschedulable == true ? "true" : "false")
        out.line("Conditions:")
        out.line("  Type    Status  Reason            Message")
        for condition in node.status?.conditions ?? [] {
            out.line("  \(condition.type)   \(condition.status)    \(condition.reason ?? "")      \(condition.message ?? "")")
        }
        for (title, values) in [("Capacity", node.status?.capacity), ("Allocatable", node.status?.allocatable)] {
            out.line("\(title):")
            for (name, quantity) in (values ?? [:]).sorted(by: { $0.key < $1.key }) { out.line("  \(name):\(String(repeating: " ", count: max(1, 20 - name.count)))\(quantity)") }
        }
        let pods = store.pods.filter { $0.spec?.nodeName == node.metadata.name && !["Succeeded", "Failed"].contains($0.status?.phase ?? "") }
        out.line("Non-terminated Pods:          (\(pods.count) in total)")
        out.line("  Namespace                   Name")
        for pod in pods { out.line("  " + (pod.metadata.namespace ?? "").padding(toLength: 28, withPad: " ", startingAt: 0) + (pod.metadata.name ?? "")) }
    }
}

/// Accumulates describe output with kubectl's `Label:  value` alignment.
struct Lines {
    var text = ""
    mutating func line(_ value: String) { text += value + "\n" }

    mutating func field(_ name: String, _ value: String) {
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        let label = (name + ":").padding(toLength: 18, withPad: " ", startingAt: 0)
        line(label + (lines.first.map(String.init) ?? ""))
        for rest in lines.dropFirst() { line(String(repeating: " ", count: 18) + rest) }
    }

    /// Labels print as `key=value` (printLabelsMultiline), annotations as `key: value`
    /// (printAnnotationsMultiline).
    mutating func map(_ name: String, _ values: [String: String]?, separator: String = "=") {
        let text = (values ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)\(separator)\($0.value)" }.joined(separator: "\n")
        field(name, text.isEmpty ? "<none>" : text)
    }

    mutating func events(_ events: [Event], now: VirtualTime) {
        guard !events.isEmpty else { line("Events:            <none>"); return }
        line("Events:")
        // kubectl sorts by lastTimestamp (event.SortableEvents); names break ties in creation order.
        let rows = events.sorted { ($0.lastTimestamp ?? "", $0.metadata.name ?? "") < ($1.lastTimestamp ?? "", $1.metadata.name ?? "") }.map { event -> [String] in
            let last = event.lastTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
            let first = event.firstTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? now
            let age = (event.count ?? 1) > 1 ? "\(Age.human(now - last)) (x\(event.count ?? 1) over \(Age.human(now - first)))" : Age.human(now - last)
            return [event.type ?? "", event.reason ?? "", age, event.source?.component ?? event.reportingComponent ?? "", event.message ?? ""]
        }
        let header = [["Type", "Reason", "Age", "From", "Message"], ["----", "------", "----", "----", "-------"]]
        let all = header + rows
        let widths = (0..<4).map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            var text = "  "
            for column in 0..<4 { text += row[column].padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0) }
            line(text + row[4])
        }
    }
}
