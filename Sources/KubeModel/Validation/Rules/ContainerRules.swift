/// Containers of a pod spec: `validateContainers`, `validateInitContainers`, `validateContainerPorts`,
/// `validateProbe`, `validateHandler`, `ValidateResourceRequirements` in
/// pkg/apis/core/validation/validation.go (v1.33.0).
enum ContainerRules {
    static func check(_ spec: PodSpec, path: String, volumeNames: Set<String>, _ context: inout RuleContext) {
        let containersPath = FieldPath.child(path, "containers")
        if spec.containers.isEmpty, context.wasWritten(containersPath) { context.required(containersPath) }
        var seenNames = Set<String>()
        let groups: [(String, [Container])] = [("initContainers", spec.initContainers ?? []), ("containers", spec.containers)]
        for (field, containers) in groups {
            for (index, container) in containers.enumerated() {
                let containerPath = FieldPath.index(FieldPath.child(path, field), index)
                checkName(container.name, containerPath, &seenNames, &context)
                checkContainer(container, containerPath, isInit: field == "initContainers", volumeNames: volumeNames, &context)
            }
        }
    }

    private static func checkName(_ name: String, _ containerPath: String, _ seen: inout Set<String>, _ context: inout RuleContext) {
        let namePath = FieldPath.child(containerPath, "name")
        if name.isEmpty {
            if context.wasWritten(namePath) { context.required(namePath) }
        } else {
            for error in NameFormats.dns1123Label(name) { context.invalid(namePath, name, error) }
            if seen.contains(name) { context.duplicate(namePath, name) }
            seen.insert(name)
        }
    }

    private static func checkContainer(_ container: Container, _ path: String, isInit: Bool, volumeNames: Set<String>, _ context: inout RuleContext) {
        let image = container.image ?? ""
        if image.isEmpty {
            context.required(FieldPath.child(path, "image"))
        } else if image.trimmingCharacters(in: .whitespaces) != image {
            context.invalid(FieldPath.child(path, "image"), image, "must not have leading or trailing whitespace")
        }
        CommonRules.oneOf(container.imagePullPolicy, ["Always", "IfNotPresent", "Never"], FieldPath.child(path, "imagePullPolicy"), &context)
        checkPorts(container.ports ?? [], FieldPath.child(path, "ports"), &context)
        let probes: [(String, Probe?)] = [("livenessProbe", container.livenessProbe), ("readinessProbe", container.readinessProbe),
                                         ("startupProbe", container.startupProbe)]
        for (field, probe) in probes {
            guard let probe else { continue }
            let probePath = FieldPath.child(path, field)
            if isInit, container.restartPolicy != "Always" {
                // validateInitContainers: probes only on sidecars (restartPolicy: Always).
                context.forbidden(probePath, "may not be set for init containers without restartPolicy=Always")
                continue
            }
            checkProbe(probe, probePath, requireSingleSuccess: field != "readinessProbe", &context)
        }
        if let resources = container.resources { ResourceRules.check(resources, FieldPath.child(path, "resources"), &context) }
        var mountPaths = Set<String>()
        for (index, mount) in (container.volumeMounts ?? []).enumerated() {
            let mountPath = FieldPath.index(FieldPath.child(path, "volumeMounts"), index)
            if !mount.name.isEmpty, !volumeNames.contains(mount.name) {
                context.add(FieldPath.child(mountPath, "name"), "Not found: \"\(mount.name)\"")
            }
            if mount.mountPath.isEmpty {
                if context.wasWritten(mountPath) { context.required(FieldPath.child(mountPath, "mountPath")) }
            } else if mountPaths.contains(mount.mountPath) {
                context.invalid(FieldPath.child(mountPath, "mountPath"), mount.mountPath, "must be unique")
            }
            mountPaths.insert(mount.mountPath)
        }
        for (index, variable) in (container.env ?? []).enumerated() {
            let envPath = FieldPath.index(FieldPath.child(path, "env"), index)
            if variable.name.isEmpty { context.required(FieldPath.child(envPath, "name")) }
            if let value = variable.value, !value.isEmpty, variable.valueFrom != nil {
                context.invalid(FieldPath.child(envPath, "valueFrom"), "", "may not be specified when `value` is not empty")
            }
        }
    }

    /// `validateContainerPorts`.
    static func checkPorts(_ ports: [ContainerPort], _ path: String, _ context: inout RuleContext) {
        var names = Set<String>()
        for (index, port) in ports.enumerated() {
            let portPath = FieldPath.index(path, index)
            if let name = port.name, !name.isEmpty {
                for error in NameFormats.portName(name) { context.invalid(FieldPath.child(portPath, "name"), name, error) }
                if names.contains(name) { context.duplicate(FieldPath.child(portPath, "name"), name) }
                names.insert(name)
            }
            let containerPortPath = FieldPath.child(portPath, "containerPort")
            if port.containerPort == 0 {
                if context.wasWritten(containerPortPath) { context.required(containerPortPath) }
            } else {
                CommonRules.portNumber(port.containerPort, containerPortPath, &context)
            }
            if let hostPort = port.hostPort, hostPort != 0 { CommonRules.portNumber(hostPort, FieldPath.child(portPath, "hostPort"), &context) }
            CommonRules.oneOf(port.protocol, ["SCTP", "TCP", "UDP"], FieldPath.child(portPath, "protocol"), &context)
        }
    }

    /// `validateProbe` and `validateHandler`: exactly one handler; liveness and startup probes need successThreshold 1.
    static func checkProbe(_ probe: Probe, _ path: String, requireSingleSuccess: Bool, _ context: inout RuleContext) {
        let handlers: [(String, Bool)] = [("exec", probe.exec != nil), ("httpGet", probe.httpGet != nil),
                                          ("tcpSocket", probe.tcpSocket != nil), ("grpc", probe.grpc != nil)]
        let present = handlers.filter(\.1).map(\.0)
        if present.isEmpty {
            context.required(path, "must specify a handler type")
        } else {
            for extra in present.dropFirst() {
                context.forbidden(FieldPath.child(path, extra), "may not specify more than 1 handler type")
            }
        }
        if let httpGet = probe.httpGet { CommonRules.portNumberOrName(httpGet.port, FieldPath.child(path, "httpGet.port"), &context) }
        if let tcp = probe.tcpSocket { CommonRules.portNumberOrName(tcp.port, FieldPath.child(path, "tcpSocket.port"), &context) }
        for (field, value) in [("initialDelaySeconds", probe.initialDelaySeconds), ("timeoutSeconds", probe.timeoutSeconds),
                               ("periodSeconds", probe.periodSeconds), ("successThreshold", probe.successThreshold),
                               ("failureThreshold", probe.failureThreshold)] {
            CommonRules.nonNegative(value.map(Int64.init), FieldPath.child(path, field), &context)
        }
        if requireSingleSuccess, let success = probe.successThreshold, success != 1 {
            context.invalid(FieldPath.child(path, "successThreshold"), number: Int64(success), "must be 1")
        }
    }
}
