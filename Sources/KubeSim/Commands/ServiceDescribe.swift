import KubeModel

/// `kubectl describe service|endpoints|endpointslice` (k8s.io/kubectl/pkg/describe/describe.go
/// v1.33: `describeService`, which reads the Service's EndpointSlices by the
/// `kubernetes.io/service-name` label, not its v1 Endpoints; `describeEndpoints`;
/// `describeEndpointSliceV1`). IP families and the internal traffic policy, which admission
/// here does not default, show the API server's defaults (SingleStack IPv4, Cluster).
enum ServiceDescribe {
    static func describe(_ object: KubeObject, in store: Store) -> String? {
        switch object {
        case .service(let service): return self.service(service, in: store)
        case .endpoints(let endpoints): return self.endpoints(endpoints, in: store)
        case .endpointSlice(let slice): return self.slice(slice, in: store)
        default: return nil
        }
    }

    static func service(_ service: Service, in store: Store) -> String {
        var out = PrefixLines()
        ConfigDescribe.header(service.metadata, into: &out)
        let spec = service.spec
        out.write(0, "Selector:\t\(LabelSelectorText.formatLabels(spec?.selector))\n")
        out.write(0, "Type:\t\(spec?.type ?? "ClusterIP")\n")
        if spec?.type != "ExternalName" {
            out.write(0, "IP Family Policy:\t\(spec?.ipFamilyPolicy ?? "SingleStack")\n")
            out.write(0, "IP Families:\t\((spec?.ipFamilies ?? ["IPv4"]).joined(separator: ","))\n")
        } else {
            out.write(0, "IP Families:\t<none>\n")
        }
        out.write(0, "IP:\t\(spec?.clusterIP ?? "")\n")
        if let ips = spec?.clusterIPs, !ips.isEmpty { out.write(0, "IPs:\t\(ips.joined(separator: ","))\n") }
        if let external = spec?.externalIPs, !external.isEmpty { out.write(0, "External IPs:\t\(external.joined(separator: ","))\n") }
        if let name = spec?.externalName, !name.isEmpty { out.write(0, "External Name:\t\(name)\n") }
        let slices = store.list(kind: "EndpointSlice", namespace: service.metadata.namespace).compactMap { object -> EndpointSlice? in
            guard case .endpointSlice(let slice) = object, slice.metadata.labels?[EndpointSliceController.serviceNameLabel] == service.metadata.name else { return nil }
            return slice
        }
        for port in spec?.ports ?? [] {
            let name = (port.name ?? "").isEmpty ? "<unset>" : port.name ?? ""
            let proto = port.protocol ?? "TCP"
            out.write(0, "Port:\t\(name)\t\(port.port)/\(proto)\n")
            out.write(0, "TargetPort:\t\((port.targetPort ?? .int(port.port)).description)/\(proto)\n")
            if let nodePort = port.nodePort, nodePort != 0 { out.write(0, "NodePort:\t\(name)\t\(nodePort)/\(proto)\n") }
            out.write(0, "Endpoints:\t\(EndpointsText.describeLine(slices, portName: port.name))\n")
        }
        out.write(0, "Session Affinity:\t\(spec?.sessionAffinity ?? "None")\n")
        if let policy = spec?.externalTrafficPolicy { out.write(0, "External Traffic Policy:\t\(policy)\n") }
        if spec?.type != "ExternalName" { out.write(0, "Internal Traffic Policy:\t\(spec?.internalTrafficPolicy ?? "Cluster")\n") }
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .service(service), in: store), now: store.now)
    }

    static func endpoints(_ endpoints: Endpoints, in store: Store) -> String {
        var out = PrefixLines()
        ConfigDescribe.header(endpoints.metadata, into: &out)
        out.write(0, "Subsets:\n")
        for subset in endpoints.subsets ?? [] {
            let ready = (subset.addresses ?? []).map(\.ip).joined(separator: ",")
            let notReady = (subset.notReadyAddresses ?? []).map(\.ip).joined(separator: ",")
            out.write(1, "Addresses:\t\(ready.isEmpty ? "<none>" : ready)\n")
            out.write(1, "NotReadyAddresses:\t\(notReady.isEmpty ? "<none>" : notReady)\n")
            if let ports = subset.ports, !ports.isEmpty {
                out.write(1, "Ports:\n")
                out.write(2, "Name\tPort\tProtocol\n")
                out.write(2, "----\t----\t--------\n")
                for port in ports {
                    out.write(2, "\((port.name ?? "").isEmpty ? "<unset>" : port.name ?? "")\t\(port.port)\t\(port.protocol ?? "TCP")\n")
                }
            }
            out.write(0, "\n")
        }
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .endpoints(endpoints), in: store), now: store.now)
    }

    static func slice(_ slice: EndpointSlice, in store: Store) -> String {
        var out = PrefixLines()
        ConfigDescribe.header(slice.metadata, into: &out)
        out.write(0, "AddressType:\t\(slice.addressType)\n")
        let ports = slice.ports ?? []
        if ports.isEmpty {
            out.write(0, "Ports: <unset>\n")
        } else {
            out.write(0, "Ports:\n")
            out.write(1, "Name\tPort\tProtocol\n")
            out.write(1, "----\t----\t--------\n")
            for port in ports {
                out.write(1, "\((port.name ?? "").isEmpty ? "<unset>" : port.name ?? "")\t\(port.port.map(String.init) ?? "<unset>")\t\(port.protocol ?? "TCP")\n")
            }
        }
        if slice.endpoints.isEmpty {
            out.write(0, "Endpoints: <none>\n")
        } else {
            out.write(0, "Endpoints:\n")
            for endpoint in slice.endpoints {
                out.write(1, "- Addresses:\t\(endpoint.addresses.joined(separator: ","))\n")
                out.write(2, "Conditions:\n")
                out.write(3, "Ready:\t\(endpoint.conditions?.ready.map(String.init) ?? "<unset>")\n")
                out.write(2, "Hostname:\t\(endpoint.hostname ?? "<unset>")\n")
                if let reference = endpoint.targetRef {
                    out.write(2, "TargetRef:\t\(reference.kind ?? "")/\(reference.name ?? "")\n")
                }
                out.write(2, "NodeName:\t\(endpoint.nodeName ?? "<unset>")\n")
                out.write(2, "Zone:\t\(endpoint.zone ?? "<unset>")\n")
            }
        }
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .endpointSlice(slice), in: store), now: store.now)
    }
}
