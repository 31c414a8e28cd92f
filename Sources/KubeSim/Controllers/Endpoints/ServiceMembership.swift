import KubeModel

/// What the Endpoints and EndpointSlice controllers share about which pods back a Service
/// (upstream v1.33: staging/src/k8s.io/endpointslice/util/controller_utils.go
/// `ShouldPodBeInEndpoints`, `ShouldSetHostname`, `GetServicesToUpdateOnPodChange`, and
/// staging/src/k8s.io/endpointslice/utils.go `FindPort`).
enum ServiceMembership {
    /// The selector a controller follows, or nil when the Service gets no endpoints from it:
    /// no selector ("endpoints that are created out-of-band via the REST API") or ExternalName
    /// (issues.k8s.io/105986). An empty `selector: {}` counts as none: the API server drops an
    /// empty map, so upstream sees a nil selector.
    static func selector(of service: Service) -> [String: String]? {
        guard service.spec?.type != "ExternalName", let selector = service.spec?.selector, !selector.isEmpty else { return nil }
        return selector
    }

    static func matches(_ selector: [String: String], _ labels: [String: String]) -> Bool {
        selector.allSatisfy { labels[$0.key] == $0.value }
    }

    static func services(in namespace: String, _ store: Store) -> [Service] {
        store.list(kind: "Service", namespace: namespace).compactMap {
            if case .service(let service) = $0 { return service } else { return nil }
        }
    }

    static func key(_ service: Service) -> ObjectKey {
        ObjectKey(kind: "Service", namespace: service.metadata.namespace ?? "", name: service.metadata.name ?? "")
    }

    /// The Services to sync after a pod event: those whose selector matches the pod's labels,
    /// plus those that still list the pod (`wasMember`), which stands in for upstream's old
    /// labels, since a watch event here carries only the new object. A namespace without
    /// Services costs one list: the cronjob benchmark creates thousands of pods and no Service.
    static func serviceKeys(forPod event: WatchEvent, in store: Store, wasMember: (Service, String) -> Bool) -> [ObjectKey] {
        // Keys first: no Service in the namespace answers without copying any object.
        guard !store.keys(kind: "Service", namespace: event.key.namespace).isEmpty else { return [] }
        let services = services(in: event.key.namespace, store)
        let labels = event.object.withMetadata(\.labels) ?? [:]
        return services.compactMap { service in
            guard let selector = selector(of: service) else { return nil }
            return matches(selector, labels) || wasMember(service, event.key.name) ? key(service) : nil
        }
    }

    /// `ShouldPodBeInEndpoints`: terminal pods and pods without an IP are never endpoints;
    /// terminating ones only when `includeTerminating` (the Endpoints controller passes the
    /// Service's publishNotReadyAddresses, the EndpointSlice controller always true).
    static func shouldBeInEndpoints(_ pod: Pod, includeTerminating: Bool) -> Bool {
        if ["Succeeded", "Failed"].contains(pod.status?.phase ?? "") { return false }
        if (pod.status?.podIP ?? "").isEmpty { return false }
        if !includeTerminating && pod.metadata.deletionTimestamp != nil { return false }
        return true
    }

    /// `ShouldSetHostname`: a pod with a hostname in the Service's subdomain is named in DNS.
    static func hostname(_ pod: Pod, for service: Service) -> String? {
        guard let hostname = pod.spec?.hostname, !hostname.isEmpty, pod.spec?.subdomain == service.metadata.name,
              pod.metadata.namespace == service.metadata.namespace else { return nil }
        return hostname
    }

    /// `FindPort`: a numeric targetPort is used as is (even if no container declares it); a
    /// named one is looked up among the containers' ports of the same protocol, and sidecars
    /// (init containers with restartPolicy Always). nil when the pod has no such port, which
    /// leaves the pod out for that Service port. An unset targetPort (a Service written
    /// straight to the store, past admission's defaulting) counts as the port.
    static func findPort(_ pod: Pod, _ servicePort: ServicePort) -> Int32? {
        let target = servicePort.targetPort ?? .int(servicePort.port)
        switch target {
        case .int(let number):
            return number
        case .string(let name):
            let proto = servicePort.protocol ?? "TCP"
            let sidecars = (pod.spec?.initContainers ?? []).filter { $0.restartPolicy == "Always" }
            for container in (pod.spec?.containers ?? []) + sidecars {
                if let port = container.ports?.first(where: { $0.name == name && ($0.protocol ?? "TCP") == proto }) {
                    return port.containerPort
                }
            }
            return nil
        }
    }

    /// `targetRef` of an address: kind Pod with the pod's name, namespace and uid.
    static func reference(to pod: Pod) -> ObjectReference {
        var reference = ObjectReference()
        reference.kind = "Pod"
        reference.name = pod.metadata.name
        reference.namespace = pod.metadata.namespace
        reference.uid = pod.metadata.uid
        return reference
    }

    /// `service.kubernetes.io/headless` marks Endpoints and slices of a Service without a
    /// cluster IP (`!IsServiceIPSet`: "" or None; admission allocates one otherwise).
    static func isHeadless(_ service: Service) -> Bool { ["", "None"].contains(service.spec?.clusterIP ?? "") }

    static let headlessLabel = "service.kubernetes.io/headless"
    /// `v1.EndpointsLastChangeTriggerTime`, on Endpoints and EndpointSlices alike.
    static let triggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time"

    /// The last-change-trigger-time of a sync (util/trigger_time_tracker.go): upstream takes
    /// the earliest trigger time among the pods that changed since its previous sync, a pod's
    /// being its Ready condition's lastTransitionTime, and the Service's creation on its first
    /// sync. Here every change is synced at once, so the change that triggered it is the
    /// latest one: the newest of those times, without keeping the tracker's per-pod state.
    static func triggerTime(_ service: Service, pods: [Pod]) -> String? {
        let times = pods.compactMap { PodConditions.readyCondition($0)?.lastTransitionTime } + [service.metadata.creationTimestamp].compactMap { $0 }
        return times.compactMap(VirtualTime.init(rfc3339:)).max()?.rfc3339
    }
}
