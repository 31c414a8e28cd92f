import Foundation
import Testing
@testable import KubedrillCLI

/// `get endpoints|endpointslices` and `describe service` as kubectl v1.33 prints them
/// (pkg/printers/internalversion/printers.go `printEndpoints`, `printEndpointSlice`;
/// k8s.io/kubectl/pkg/describe/describe.go `describeService`, which reads EndpointSlices), and
/// the API server's v1.33 deprecation warning for v1 Endpoints (KEP-4974).
@Suite("Endpoints commands")
struct EndpointsCommandTests {
    static func exposed(replicas: Int) throws -> Sandbox {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "deployment", "web", "--image=nginx:1.27", "--replicas=\(replicas)"]).status == 0)
        #expect(sandbox.run(["expose", "deployment", "web", "--port=80"]).status == 0)
        #expect(sandbox.run(["advance", "30s"]).status == 0)
        return sandbox
    }

    @Test("get ep: the v1.33 deprecation warning on stderr; NAME ENDPOINTS AGE with three ip:port pairs, then + N more...")
    func getEndpoints() throws {
        let sandbox = try Self.exposed(replicas: 4)
        let result = sandbox.run(["get", "ep"])
        #expect(result.status == 0)
        #expect(result.err == "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n")
        let lines = result.out.split(separator: "\n")
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["NAME", "ENDPOINTS", "AGE"])
        let row = lines.dropFirst().first { $0.hasPrefix("web ") }.map(String.init) ?? ""
        #expect(row.contains(":80,") && row.contains(" + 1 more..."))
    }

    @Test("get endpointslices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE, a web-xxxxx slice with IPv4 and port 80")
    func getSlices() throws {
        let sandbox = try Self.exposed(replicas: 2)
        let result = sandbox.run(["get", "endpointslices"])
        #expect(result.err.isEmpty)
        let lines = result.out.split(separator: "\n")
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"])
        let cells = lines.dropFirst().first { $0.hasPrefix("web-") }?.split(separator: " ", omittingEmptySubsequences: true) ?? []
        #expect(cells.count == 5)
        #expect(cells.dropFirst().prefix(2) == ["IPv4", "80"])
        #expect(cells.count > 3 && cells[3].split(separator: ",").count == 2)
    }

    @Test("describe service: the Port, TargetPort and Endpoints lines, the Endpoints from the ready endpoints of the slices")
    func describeService() throws {
        let sandbox = try Self.exposed(replicas: 2)
        let text = sandbox.run(["describe", "service", "web"]).out
        #expect(text.contains("Selector:                 app=web\n"))
        #expect(text.contains("Port:                     <unset>  80/TCP\n"))
        #expect(text.contains("TargetPort:               80/TCP\n"))
        let endpoints = text.split(separator: "\n").first { $0.hasPrefix("Endpoints:") }.map(String.init) ?? ""
        #expect(endpoints.split(separator: " ").last?.split(separator: ",").count == 2)
        #expect(text.contains("Internal Traffic Policy:  Cluster\n"))
        #expect(sandbox.run(["scale", "deployment", "web", "--replicas=0"]).status == 0)
        #expect(sandbox.run(["advance", "60s"]).status == 0)
        // The placeholder slice has no endpoints: the line is empty, not <none> (a slice exists).
        #expect(sandbox.run(["describe", "service", "web"]).out.contains("Endpoints:                \n"))
    }

    @Test("describe service without a selector: `Selector: <none>` (describeService prints labels.FormatLabels of the selector)")
    func describeSelectorless() throws {
        let sandbox = try Sandbox()
        try sandbox.write("apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {ports: [{port: 5432}]}\n", to: "db.yaml")
        #expect(sandbox.run(["apply", "-f", sandbox.root.appendingPathComponent("db.yaml").path]).status == 0)
        let text = sandbox.run(["describe", "service", "db"]).out
        #expect(text.contains("Selector:                 <none>\n"), "\(text)")
    }
}
