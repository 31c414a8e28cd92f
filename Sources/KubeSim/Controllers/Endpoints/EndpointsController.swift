import KubeModel

/// Keeps one v1 Endpoints per Service with a selector, named as the Service
/// (pkg/controller/endpoint/endpoints_controller.go v1.33 `syncService`): ready pods in
/// `addresses`, the others in `notReadyAddresses` (all ready with publishNotReadyAddresses),
/// each Service port resolved per pod. Services without a selector are left to the user, and
/// a deleted Service takes its Endpoints with it. Docs: "Service", "EndpointSlices".
struct EndpointsController: Controller {
    let name = "endpoint-controller"
    let watchedKinds: Set<String>? = ["Service", "Pod", "Endpoints"]
    let primaryKinds: Set<String>? = ["Service"]
    unowned let cluster: Cluster

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "Service":
            // onServiceUpdate / onServiceDelete: a deleted Service is synced to delete its Endpoints.
            return [event.key]
        case "Pod":
            return ServiceMembership.serviceKeys(forPod: event, in: store) { service, pod in
                guard case .endpoints(let endpoints)? = store.get(Self.endpointsKey(service)) else { return false }
                return Self.lists(endpoints, pod: pod)
            }
        case "Endpoints":
            // onEndpointsDelete: an Endpoints deleted by hand is put back.
            guard event.type == .deleted else { return [] }
            return [ObjectKey(kind: "Service", namespace: event.key.namespace, name: event.key.name)]
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        let client = ControllerClient(cluster)
        let endpointsKey = ObjectKey(kind: "Endpoints", namespace: key.namespace, name: key.name)
        guard case .service(let service)? = store.get(key) else {
            client.delete(endpointsKey)
            return .done
        }
        guard let selector = ServiceMembership.selector(of: service) else { return .done }
        let pods = store.list(kind: "Pod", namespace: key.namespace).compactMap(\.pod)
            .filter { ServiceMembership.matches(selector, $0.metadata.labels ?? [:]) }
        let subsets = Self.subsets(for: service, pods: pods)

        let current: Endpoints? = if case .endpoints(let endpoints)? = store.get(endpointsKey) { endpoints } else { nil }
        var labels = service.metadata.labels ?? [:]
        if ServiceMembership.isHeadless(service) { labels[ServiceMembership.headlessLabel] = "" }
        // "See if there's actually an update here": subsets and labels; the trigger time alone writes nothing.
        if let current, (current.subsets ?? []) == subsets, (current.metadata.labels ?? [:]) == labels { return .done }

        var endpoints = current ?? Endpoints()
        endpoints.metadata.name = service.metadata.name
        endpoints.metadata.namespace = service.metadata.namespace
        endpoints.metadata.labels = labels.isEmpty ? nil : labels
        var annotations = endpoints.metadata.annotations ?? [:]
        annotations[ServiceMembership.triggerTimeAnnotation] = ServiceMembership.triggerTime(service, pods: pods)
        endpoints.metadata.annotations = annotations.isEmpty ? nil : annotations
        endpoints.subsets = subsets.isEmpty ? nil : subsets
        do {
            if current == nil { try client.create(.endpoints(endpoints)) } else { try client.update(.endpoints(endpoints)) }
        } catch {
            let reason = current == nil ? "FailedToCreateEndpoint" : "FailedToUpdateEndpoint"
            let message = current == nil ? "Failed to create endpoint for service \(key.namespace)/\(key.name): \(error)"
                : "Failed to update endpoint \(key.namespace)/\(key.name): \(error)"
            client.event("Warning", reason, message, on: .endpoints(endpoints), component: name)
        }
        return .done
    }

    static func endpointsKey(_ service: Service) -> ObjectKey {
        ObjectKey(kind: "Endpoints", namespace: service.metadata.namespace ?? "", name: service.metadata.name ?? "")
    }

    static func lists(_ endpoints: Endpoints, pod: String) -> Bool {
        (endpoints.subsets ?? []).contains { subset in
            ((subset.addresses ?? []) + (subset.notReadyAddresses ?? [])).contains { $0.targetRef?.name == pod }
        }
    }

    /// The loop of `syncService` and `addEndpointSubset`, then `RepackSubsets`. A pod lacking a
    /// named targetPort is left out of that port only; one that has none of them is left out.
    static func subsets(for service: Service, pods: [Pod]) -> [EndpointSubset] {
        let tolerateUnready = service.spec?.publishNotReadyAddresses ?? false
        var entries: [(address: EndpointAddress, ready: Bool, port: EndpointPort?)] = []
        for pod in pods where ServiceMembership.shouldBeInEndpoints(pod, includeTerminating: tolerateUnready) {
            var address = EndpointAddress()
            address.ip = pod.status?.podIP ?? ""
            address.nodeName = pod.spec?.nodeName
            address.targetRef = ServiceMembership.reference(to: pod)
            address.hostname = ServiceMembership.hostname(pod, for: service)
            let ready = tolerateUnready || PodConditions.isReady(pod)
            let servicePorts = service.spec?.ports ?? []
            if servicePorts.isEmpty {
                // "Allow headless service not to have ports."
                if ServiceMembership.isHeadless(service) { entries.append((address, ready, nil)) }
                continue
            }
            for servicePort in servicePorts {
                guard let number = ServiceMembership.findPort(pod, servicePort) else { continue }
                var port = EndpointPort()
                port.name = servicePort.name
                port.port = number
                port.protocol = servicePort.protocol ?? "TCP"
                port.appProtocol = servicePort.appProtocol
                entries.append((address, ready, port))
            }
        }
        return repack(entries)
    }

    /// `endpoints.RepackSubsets` (pkg/api/v1/endpoints/util.go): each port gets the set of
    /// addresses serving it, and ports with the same address set share one subset. Upstream then
    /// orders by hash; here addresses go by IP and uid, ports by name and number, subsets by
    /// their first address, which is as canonical and reads better.
    static func repack(_ entries: [(address: EndpointAddress, ready: Bool, port: EndpointPort?)]) -> [EndpointSubset] {
        struct Member: Hashable { var ip: String; var uid: String; var ready: Bool }
        var addressOf: [Member: EndpointAddress] = [:]
        var membersByPort: [String: (port: EndpointPort?, members: Set<Member>)] = [:]
        for entry in entries {
            let member = Member(ip: entry.address.ip, uid: entry.address.targetRef?.uid ?? "", ready: entry.ready)
            addressOf[member] = entry.address
            let portKey = entry.port.map { "\($0.name ?? "")/\($0.port)/\($0.protocol ?? "")" } ?? ""
            membersByPort[portKey, default: (entry.port, [])].members.insert(member)
        }
        var portsByMembers: [Set<Member>: [EndpointPort]] = [:]
        for (_, group) in membersByPort {
            portsByMembers[group.members, default: []] += group.port.map { [$0] } ?? []
        }
        let order: (Member, Member) -> Bool = { ($0.ip, $0.uid) < ($1.ip, $1.uid) }
        var subsets: [EndpointSubset] = portsByMembers.map { members, ports in
            var subset = EndpointSubset()
            let sorted = members.sorted(by: order)
            let ready = sorted.filter(\.ready).compactMap { addressOf[$0] }
            let notReady = sorted.filter { !$0.ready }.compactMap { addressOf[$0] }
            subset.addresses = ready.isEmpty ? nil : ready
            subset.notReadyAddresses = notReady.isEmpty ? nil : notReady
            let sortedPorts = ports.sorted { ($0.name ?? "", $0.port) < ($1.name ?? "", $1.port) }
            subset.ports = sortedPorts.isEmpty ? nil : sortedPorts
            return subset
        }
        subsets.sort { lhs, rhs in
            let left = (lhs.addresses ?? lhs.notReadyAddresses ?? []).first, right = (rhs.addresses ?? rhs.notReadyAddresses ?? []).first
            return (left?.ip ?? "", lhs.ports?.first?.name ?? "", lhs.ports?.first?.port ?? 0)
                < (right?.ip ?? "", rhs.ports?.first?.name ?? "", rhs.ports?.first?.port ?? 0)
        }
        return subsets
    }
}
