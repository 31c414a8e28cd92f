import KubeModel

/// Keeps the EndpointSlices of each Service with a selector (pkg/controller/endpointslice
/// v1.33 `syncService`, staging/src/k8s.io/endpointslice/reconciler.go `reconcile`, utils.go
/// `podToEndpoint`, `newEndpointSlice`). Unlike Endpoints, terminating pods stay listed, with
/// `terminating: true` and `ready: false`, so proxies can drain them. Slices are owned by their
/// Service, so the garbage collector deletes them with it. Docs: "EndpointSlices".
struct EndpointSliceController: Controller {
    let name = "endpointslice-controller"
    let watchedKinds: Set<String>? = ["Service", "Pod", "EndpointSlice"]
    let primaryKinds: Set<String>? = ["Service"]
    unowned let cluster: Cluster

    /// `discovery.LabelManagedBy` value of this controller (`ControllerName`).
    static let managedBy = "endpointslice-controller.k8s.io"
    static let serviceNameLabel = "kubernetes.io/service-name"
    static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
    /// `--max-endpoints-per-slice` default.
    static let maxEndpointsPerSlice = 100

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "Service":
            // A deleted Service needs nothing here: the garbage collector removes its slices.
            return event.type == .deleted ? [] : [event.key]
        case "Pod":
            var listing: [String: Bool]?
            return ServiceMembership.serviceKeys(forPod: event, in: store) { service, pod in
                // Slices of the namespace are read once, and only for Services the pod no longer matches.
                if listing == nil { listing = Self.servicesListing(pod, namespace: event.key.namespace, store) }
                return listing?[service.metadata.name ?? ""] ?? false
            }
        case "EndpointSlice":
            // onEndpointSliceDelete: a managed slice deleted by hand is recreated.
            guard event.type == .deleted, case .endpointSlice(let slice) = event.object,
                  slice.metadata.labels?[Self.managedByLabel] == Self.managedBy,
                  let service = slice.metadata.labels?[Self.serviceNameLabel] else { return [] }
            return [ObjectKey(kind: "Service", namespace: event.key.namespace, name: service)]
        default:
            return []
        }
    }

    private static func servicesListing(_ pod: String, namespace: String, _ store: Store) -> [String: Bool] {
        var listing: [String: Bool] = [:]
        for case .endpointSlice(let slice) in store.list(kind: "EndpointSlice", namespace: namespace)
        where slice.endpoints.contains(where: { $0.targetRef?.name == pod }) {
            if let service = slice.metadata.labels?[serviceNameLabel] { listing[service] = true }
        }
        return listing
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .service(let service)? = store.get(key), service.metadata.deletionTimestamp == nil,
              let selector = ServiceMembership.selector(of: service) else { return .done }
        let client = ControllerClient(cluster)
        let pods = store.list(kind: "Pod", namespace: key.namespace).compactMap(\.pod)
            .filter { ServiceMembership.matches(selector, $0.metadata.labels ?? [:]) }
        let existing = store.list(kind: "EndpointSlice", namespace: key.namespace).compactMap { object -> EndpointSlice? in
            guard case .endpointSlice(let slice) = object, Self.isOwned(slice, by: service) else { return nil }
            return slice
        }
        var desired = Self.desiredSlices(for: service, pods: pods, in: store)
        // The placeholder: a Service with no endpoints still has one empty slice, so consumers
        // can tell "no endpoints" from "not yet synced".
        if desired.isEmpty { desired = [([], [])] }
        let labels = Self.labels(for: service)
        let triggerTime = ServiceMembership.triggerTime(service, pods: pods)

        var unused = existing
        var toCreate: [(ports: [DiscoveryV1EndpointPort], endpoints: [Endpoint])] = []
        for (ports, endpoints) in desired {
            if let index = unused.firstIndex(where: { ($0.ports ?? []) == ports }) {
                write(unused.remove(at: index), ports: ports, endpoints: endpoints)
            } else {
                toCreate.append((ports, endpoints))
            }
        }
        // finalize: "If there are slices to create and delete, change the creates to updates of
        // the slices that would otherwise be deleted" (same address type, owned by the Service),
        // so a placeholder filled by the first ready pod keeps its name.
        while let last = toCreate.last, !unused.isEmpty {
            toCreate.removeLast()
            write(unused.removeFirst(), ports: last.ports, endpoints: last.endpoints)
        }
        for (ports, endpoints) in toCreate {
            var slice = EndpointSlice()
            slice.metadata.generateName = Self.prefix(for: service)
            slice.metadata.namespace = service.metadata.namespace
            slice.metadata.labels = labels
            slice.metadata.ownerReferences = [ControllerRef.make(for: .service(service))]
            slice.addressType = "IPv4"
            slice.ports = ports
            slice.endpoints = endpoints
            Self.setTriggerTime(&slice, triggerTime)
            do {
                try client.create(.endpointSlice(slice))
            } catch {
                client.event("Warning", "FailedToUpdateEndpointSlices", "Error updating Endpoint Slices for Service \(key.namespace)/\(key.name): \(error)",
                             on: .service(service), component: name)
            }
        }
        func write(_ existing: EndpointSlice, ports: [DiscoveryV1EndpointPort], endpoints: [Endpoint]) {
            guard existing.ports ?? [] != ports || existing.endpoints != endpoints || (existing.metadata.labels ?? [:]) != labels else { return }
            var slice = existing
            slice.ports = ports
            slice.endpoints = endpoints
            slice.metadata.labels = labels
            Self.setTriggerTime(&slice, triggerTime)
            _ = try? client.update(.endpointSlice(slice))
        }
        for slice in unused { client.delete(KubeObject.endpointSlice(slice).key) }
        return .done
    }

    /// `ownedBy`: the controller reference names this Service's uid.
    static func isOwned(_ slice: EndpointSlice, by service: Service) -> Bool {
        (slice.metadata.ownerReferences ?? []).contains { $0.uid == service.metadata.uid && $0.kind == "Service" && $0.apiVersion == "v1" }
            && slice.metadata.labels?[managedByLabel] == managedBy
    }

    /// `getEndpointSlicePrefix`: `<service>-`, to which the API server adds five random characters.
    static func prefix(for service: Service) -> String { (service.metadata.name ?? "") + "-" }

    /// `setEndpointSliceLabels`: the Service's labels minus the reserved ones, then the reserved
    /// ones set by the controller (service name, managed-by, headless).
    static func labels(for service: Service) -> [String: String] {
        let reserved: Set<String> = [serviceNameLabel, managedByLabel, ServiceMembership.headlessLabel]
        var labels = (service.metadata.labels ?? [:]).filter { !reserved.contains($0.key) }
        if ServiceMembership.isHeadless(service) { labels[ServiceMembership.headlessLabel] = "" }
        labels[serviceNameLabel] = service.metadata.name ?? ""
        labels[managedByLabel] = managedBy
        return labels
    }

    static func setTriggerTime(_ slice: inout EndpointSlice, _ time: String?) {
        var annotations = slice.metadata.annotations ?? [:]
        annotations[ServiceMembership.triggerTimeAnnotation] = time
        slice.metadata.annotations = annotations.isEmpty ? nil : annotations
    }

    /// The reconciler's grouping: endpoints by their resolved ports (`endpointMeta`), at most
    /// `maxEndpointsPerSlice` per slice. Pods are ordered by IP so the same cluster gives the
    /// same slices; upstream keeps lister order.
    static func desiredSlices(for service: Service, pods: [Pod], in store: Store) -> [(ports: [DiscoveryV1EndpointPort], endpoints: [Endpoint])] {
        // Keyed by the ports' text: the generated port type is not Hashable.
        var groups: [String: (ports: [DiscoveryV1EndpointPort], endpoints: [Endpoint])] = [:]
        var order: [String] = []
        let sortedPods = pods.filter { ServiceMembership.shouldBeInEndpoints($0, includeTerminating: true) }
            .sorted { ($0.status?.podIP ?? "", $0.metadata.name ?? "") < ($1.status?.podIP ?? "", $1.metadata.name ?? "") }
        for pod in sortedPods {
            // A pod whose node is unknown is skipped ("Node Not Found"), as the reconciler does.
            guard let nodeName = pod.spec?.nodeName, let node = store.get(ObjectKey(kind: "Node", name: nodeName))?.node else { continue }
            let ports = endpointPorts(service, pod)
            let portsKey = ports.map { "\($0.name ?? "")/\($0.port ?? 0)/\($0.protocol ?? "")" }.joined(separator: ",")
            if groups[portsKey] == nil { order.append(portsKey) }
            groups[portsKey, default: (ports, [])].endpoints.append(endpoint(pod, node: node, service: service))
        }
        return order.flatMap { portsKey -> [([DiscoveryV1EndpointPort], [Endpoint])] in
            guard let (ports, endpoints) = groups[portsKey] else { return [] }
            return stride(from: 0, to: endpoints.count, by: maxEndpointsPerSlice).map { start in
                (ports, Array(endpoints[start..<min(start + maxEndpointsPerSlice, endpoints.count)]))
            }
        }
    }

    /// `getEndpointPorts`: each Service port resolved for this pod; unresolvable ones dropped.
    static func endpointPorts(_ service: Service, _ pod: Pod) -> [DiscoveryV1EndpointPort] {
        (service.spec?.ports ?? []).compactMap { servicePort in
            guard let number = ServiceMembership.findPort(pod, servicePort) else { return nil }
            var port = DiscoveryV1EndpointPort()
            port.name = servicePort.name ?? ""
            port.port = number
            port.protocol = servicePort.protocol ?? "TCP"
            port.appProtocol = servicePort.appProtocol
            return port
        }
    }

    /// `podToEndpoint`: serving is readiness; ready is never true while terminating, unless the
    /// Service publishes not-ready addresses; the zone is the node's topology label.
    static func endpoint(_ pod: Pod, node: Node, service: Service) -> Endpoint {
        let serving = PodConditions.isReady(pod)
        let terminating = pod.metadata.deletionTimestamp != nil
        var endpoint = Endpoint()
        endpoint.addresses = [pod.status?.podIP ?? ""]
        var conditions = EndpointConditions()
        conditions.ready = (service.spec?.publishNotReadyAddresses ?? false) || (serving && !terminating)
        conditions.serving = serving
        conditions.terminating = terminating
        endpoint.conditions = conditions
        endpoint.targetRef = ServiceMembership.reference(to: pod)
        endpoint.nodeName = pod.spec?.nodeName
        if let zone = node.metadata.labels?["topology.kubernetes.io/zone"], !zone.isEmpty { endpoint.zone = zone }
        endpoint.hostname = ServiceMembership.hostname(pod, for: service)
        return endpoint
    }
}
