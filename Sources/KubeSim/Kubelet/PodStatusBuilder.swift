import KubeModel

/// Writes `pod.status` from the kubelet's runtime state as the status manager does
/// (pkg/kubelet/kubelet_pods.go `generateAPIPodStatus`, `getPhase`; pkg/kubelet/status/generate.go
/// for the condition reasons `ContainersNotReady`, `ContainersNotInitialized` and their messages).
enum PodStatusBuilder {
    static func write(_ pod: inout Pod, runtime: PodRuntime, node: Node, now: Int64, imageIDs: ImageIDCache) {
        var status = pod.status ?? PodStatus()
        let at = VirtualTime(seconds: now).rfc3339
        status.hostIP = hostIP(of: node)
        status.hostIPs = nil
        status.podIP = runtime.podIP
        status.startTime = runtime.startTime == now ? at : VirtualTime(seconds: runtime.startTime).rfc3339
        status.qosClass = QoS.podClass(of: pod)
        let specs = pod.$spec.read(\.containers) ?? []
        let initSpecs = pod.$spec.read(\.initContainers) ?? []
        status.containerStatuses = zip(specs, runtime.containers).map { containerStatus($0.0, $0.1, imageIDs) }
        status.initContainerStatuses = initSpecs.isEmpty ? nil : zip(initSpecs, runtime.initContainers).map { containerStatus($0.0, $0.1, imageIDs) }
        let initialized = runtime.initContainers.allSatisfy { $0.phase == .terminated && $0.exitCode == 0 }
        let unready = runtime.containers.filter { !$0.ready }.map(\.name)
        status.phase = phase(pod, runtime, initialized: initialized)
        // A pod that Succeeded is not ready because it completed, with no message; a Failed one
        // keeps ContainersNotReady and names its containers (pkg/kubelet/status/generate.go
        // `GenerateContainersReadyCondition`, v1.33).
        let completed = status.phase == "Succeeded"
        let unreadyReason = unready.isEmpty ? nil : completed ? "PodCompleted" : "ContainersNotReady"
        let unreadyMessage = unready.isEmpty || completed ? nil : "containers with unready status: [\(unready.joined(separator: " "))]"
        let conditions: [(String, Bool, String?, String?)] = [
            ("PodReadyToStartContainers", runtime.sandboxReady, nil, nil),
            ("Initialized", initialized, initialized ? nil : "ContainersNotInitialized",
             initialized ? nil : "containers with incomplete status: [\(runtime.initContainers.filter { !($0.phase == .terminated && $0.exitCode == 0) }.map(\.name).joined(separator: " "))]"),
            ("Ready", unready.isEmpty, unreadyReason, unreadyMessage),
            ("ContainersReady", unready.isEmpty, unreadyReason, unreadyMessage),
        ]
        // Room for all five at once: appended one by one, the list grew (and was copied) twice.
        if case .none = status.conditions { status.conditions = [] }
        status.conditions!.reserveCapacity(conditions.count + 1)
        for (type, isTrue, reason, message) in conditions {
            var condition = PodCondition()
            condition.type = type
            condition.status = isTrue ? "True" : "False"
            condition.reason = isTrue ? nil : reason
            condition.message = isTrue ? nil : message
            condition.lastTransitionTime = at
            PodStatusWriter.setCondition(condition, on: &status)
        }
        var scheduled = PodCondition()
        scheduled.type = "PodScheduled"
        scheduled.status = "True"
        scheduled.lastTransitionTime = status.conditions?.first { $0.type == "PodScheduled" }?.lastTransitionTime ?? at
        PodStatusWriter.setCondition(scheduled, on: &status)
        pod.status = status
    }

    static func hostIP(of node: Node) -> String {
        node.status?.addresses?.first { $0.type == "InternalIP" }?.address
            ?? "172.18.0.\((node.metadata.name ?? "").unicodeScalars.reduce(0) { ($0 + Int($1.value)) % 200 } + 2)"
    }

    /// `getPhase`: Pending until every container has started once; Running while any runs or
    /// will restart; Succeeded/Failed when all ended and none will restart.
    static func phase(_ pod: Pod, _ runtime: PodRuntime, initialized: Bool) -> String {
        let policy = pod.$spec.read(\.restartPolicy) ?? "Always"
        if !initialized {
            let failedInit = runtime.initContainers.contains { $0.phase == .terminated && $0.exitCode != 0 }
            return failedInit && policy == "Never" ? "Failed" : "Pending"
        }
        let containers = runtime.containers
        if containers.contains(where: { $0.startedAt == nil && $0.finishedAt == nil }) { return "Pending" }
        if containers.contains(where: { $0.phase == .running }) { return "Running" }
        let ended = containers.allSatisfy { $0.phase == .terminated }
        if !ended { return "Running" }  // waiting to restart
        if containers.allSatisfy({ $0.exitCode == 0 }) { return policy == "Always" ? "Running" : "Succeeded" }
        return policy == "Never" ? "Failed" : "Running"
    }

    static func containerStatus(_ container: Container, _ instance: ContainerInstance, _ imageIDs: ImageIDCache) -> ContainerStatus {
        var status = ContainerStatus()
        status.name = container.name
        status.image = container.image ?? ""
        status.imageID = instance.imageReady ? imageIDs.id(of: container.image ?? "") : ""
        status.containerID = instance.startedAt.map { digest(of: container.name, String($0), prefix: "containerd://") }
        status.ready = instance.ready
        status.started = instance.phase == .running ? instance.started : false
        status.restartCount = instance.restartCount
        var state = ContainerState()
        switch instance.phase {
        case .waiting:
            var waiting = ContainerStateWaiting()
            waiting.reason = instance.reason
            waiting.message = instance.message
            state.waiting = waiting
        case .running:
            var running = ContainerStateRunning()
            running.startedAt = instance.startedAt.map { VirtualTime(seconds: $0).rfc3339 }
            state.running = running
        case .terminated:
            if let termination = instance.lastTermination { state.terminated = terminated(termination) }
        }
        status.state = state
        if let last = instance.lastTermination, instance.phase != .terminated {
            var lastState = ContainerState()
            lastState.terminated = terminated(last)
            status.lastState = lastState
        } else {
            status.lastState = ContainerState()
        }
        return status
    }

    static func terminated(_ termination: ContainerInstance.Termination) -> ContainerStateTerminated {
        var terminated = ContainerStateTerminated()
        terminated.exitCode = termination.exitCode
        terminated.reason = termination.reason
        terminated.message = termination.message
        terminated.startedAt = VirtualTime(seconds: termination.startedAt).rfc3339
        terminated.finishedAt = termination.finishedAt == termination.startedAt ? terminated.startedAt : VirtualTime(seconds: termination.finishedAt).rfc3339
        return terminated
    }

    /// A stable hex digest for ids (FNV-1a, repeated to 64 hex digits) of `text` followed by
    /// `more`, after `prefix`. Each round hashes the text followed by the round's digit,
    /// continuing from the last.
    static func digest(of text: String, _ more: String = "", prefix: String = "") -> String {
        // The parts' bytes read where they lie (walking the UTF-8 views advanced an index per
        // byte, eight times over).
        let spelled: String?? = text.utf8.withContiguousStorageIfAvailable { textBytes -> String? in
            more.utf8.withContiguousStorageIfAvailable { moreBytes in digest(textBytes, moreBytes, prefix: prefix) }
        }
        return (spelled ?? nil) ?? digest(Array(text.utf8)[...], Array(more.utf8)[...], prefix: prefix)
    }

    private static func digest<Text: Collection<UInt8>, More: Collection<UInt8>>(_ text: Text, _ more: More, prefix: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let head = prefix.utf8.count
        // Written into the string's buffer, prefix and all: joining the parts first and the
        // prefix after made two more strings for every container of every status write.
        return String(unsafeUninitializedCapacity: head + 64) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            for byte in prefix.utf8 { (base[offset], offset) = (byte, offset + 1) }
            for round in 0..<4 {
                for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                for byte in more { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                hash = (hash ^ UInt64(48 + round)) &* 0x100_0000_01b3
                var rest = hash, index = head + 16 * round + 16
                while index > head + 16 * round {
                    index -= 1
                    let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
                    base[index] = nibble < 10 ? 48 + nibble : 87 + nibble
                    rest >>= 4
                }
            }
            return head + 64
        }
    }
}
