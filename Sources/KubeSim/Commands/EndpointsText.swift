import KubeModel

/// `kubectl get endpoints` / `get endpointslices` columns and the Endpoints lines of
/// `describe` (k8s.io/kubernetes pkg/printers/internalversion/printers.go v1.33
/// `printEndpoints`, `formatEndpoints`, `printEndpointSlice`, `formatDiscoveryPorts`,
/// `formatDiscoveryEndpoints`; k8s.io/kubectl/pkg/describe/describe.go `formatEndpointSlices`).
public enum EndpointsText {
    /// What the API server of v1.33 sends with every read or write of v1 Endpoints (KEP-4974);
    /// kubectl prints it on stderr prefixed with `Warning: `.
    public static let deprecationWarning = "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"

    /// Printers show at most three entries, then `+ N more...`.
    static let shown = 3

    static func rows(_ objects: [KubeObject], kind: String, age: (KubeObject) -> String) -> ([String], [[String]]) {
        if kind == "Endpoints" {
            return (["NAME", "ENDPOINTS", "AGE"], objects.compactMap { object in
                guard case .endpoints(let endpoints) = object else { return nil }
                return [endpoints.metadata.name ?? "", format(endpoints), age(object)]
            })
        }
        return (["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], objects.compactMap { object in
            guard case .endpointSlice(let slice) = object else { return nil }
            return [slice.metadata.name ?? "", slice.addressType, formatPorts(slice.ports ?? []), formatAddresses(slice.endpoints), age(object)]
        })
    }

    /// `formatEndpoints`: ready `ip:port` pairs, port by port within each subset; `<none>`
    /// without subsets, and an empty cell when every address is not ready.
    static func format(_ endpoints: Endpoints) -> String {
        guard let subsets = endpoints.subsets, !subsets.isEmpty else { return "<none>" }
        var list: [String] = []
        var count = 0
        for subset in subsets {
            let addresses = subset.addresses ?? []
            // Headless Services may have no ports: bare IPs.
            let ports: [Int32?] = (subset.ports ?? []).isEmpty ? [nil] : (subset.ports ?? []).map(\.port)
            for port in ports {
                count += addresses.count
                for address in addresses where list.count < shown {
                    list.append(port.map { hostPort(address.ip, $0) } ?? address.ip)
                }
            }
        }
        return more(list, count: count, empty: "")
    }

    /// `formatDiscoveryPorts`: numbers, or the name when a port has none; `<unset>` when empty.
    static func formatPorts(_ ports: [DiscoveryV1EndpointPort]) -> String {
        more(ports.prefix(shown).map { port in port.port.map(String.init) ?? port.name ?? "*" }, count: ports.count, empty: "<unset>")
    }

    /// `formatDiscoveryEndpoints`: every address, ready or not.
    static func formatAddresses(_ endpoints: [Endpoint]) -> String {
        let addresses = endpoints.flatMap(\.addresses)
        return more(Array(addresses.prefix(shown)), count: addresses.count, empty: "<unset>")
    }

    /// describe's `Endpoints:` line for one Service port (`formatEndpointSlices`): ready (or
    /// unknown) endpoints of the slices as `ip:port`; `<none>` without slices.
    static func describeLine(_ slices: [EndpointSlice], portName: String?) -> String {
        guard !slices.isEmpty else { return "<none>" }
        var list: [String] = []
        var count = 0
        for slice in slices {
            let ports = slice.ports ?? []
            let ready = slice.endpoints.filter { $0.conditions?.ready ?? true }.compactMap(\.addresses.first)
            if ports.isEmpty {
                count += ready.count
                list += ready.prefix(max(shown - list.count, 0))
                continue
            }
            for port in ports where (port.name ?? "") == (portName ?? "") {
                count += ready.count
                list += ready.prefix(max(shown - list.count, 0)).map { hostPort($0, port.port ?? 0) }
            }
        }
        return more(list, count: count, empty: "")
    }

    /// `net.JoinHostPort`: IPv6 addresses in brackets.
    static func hostPort(_ ip: String, _ port: Int32) -> String {
        ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    /// `listWithMoreString`.
    static func more(_ list: [String], count: Int, empty: String) -> String {
        let text = list.joined(separator: ",")
        if count > list.count { return "\(text) + \(count - list.count) more..." }
        return text.isEmpty ? empty : text
    }
}
