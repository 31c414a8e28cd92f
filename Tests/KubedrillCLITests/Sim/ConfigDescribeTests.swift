import Foundation
import Testing
@testable import KubedrillCLI

/// `describe configmap|secret|namespace|quota|limitrange` laid out as kubectl v1.33's describers
/// lay them out (describe.go `describeConfigMap`, `describeSecret`, `describeNamespace`,
/// `DescribeResourceQuotas`, `DescribeLimitRanges`), keys sorted.
@Suite("describe for configuration objects")
struct ConfigDescribeTests {
    @Test("A ConfigMap shows each key, a dashed rule and its value; a Secret only the sizes of its values")
    func configMapAndSecret() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "configmap", "settings", "--from-literal=mode=fast"]).status == 0)
        #expect(sandbox.run(["describe", "configmap", "settings"]).out == """
            Name:         settings
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Data
            ====
            mode:
            ----
            fast

            BinaryData
            ====

            Events:  <none>

            """)
        #expect(sandbox.run(["create", "secret", "generic", "db", "--from-literal=password=s3cret", "--from-literal=user=admin"]).status == 0)
        let secret = sandbox.run(["describe", "secret", "db"]).out
        #expect(secret == """
            Name:         db
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Type:  Opaque

            Data
            ====
            password:  6 bytes
            user:      5 bytes

            """)
        #expect(!secret.contains("s3cret"))
    }

    @Test("A namespace shows its status, then its quotas with used and hard, then its limit ranges")
    func namespace() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "namespace", "dev"]).status == 0)
        #expect(sandbox.run(["describe", "namespace", "dev"]).out == """
            Name:         dev
            Labels:       kubernetes.io/metadata.name=dev
            Annotations:  <none>
            Status:       Active

            No resource quota.

            No LimitRange resource.

            """)
        try sandbox.write("""
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: pods, namespace: dev}
            spec: {hard: {pods: "2"}}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: dev}
            spec:
              limits:
              - type: Container
                default: {cpu: 500m}
                defaultRequest: {cpu: 100m}
            """, to: "dev.yaml")
        #expect(sandbox.run(["apply", "-f", sandbox.root.appendingPathComponent("dev.yaml").path]).status == 0)
        #expect(sandbox.run(["run", "one", "--image=nginx", "-n", "dev"]).status == 0)
        #expect(sandbox.run(["advance", "10s"]).status == 0)
        let described = sandbox.run(["describe", "namespace", "dev"]).out
        #expect(described.contains("""
            Resource Quotas
              Name:     pods
              Resource  Used  Hard
              --------  ---   ---
              pods      1     2
            """))
        #expect(described.contains("""
            Resource Limits
             Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
             ----       --------  ---  ---  ---------------  -------------  -----------------------
             Container  cpu       -    -    100m             500m           -
            """))
    }
}
