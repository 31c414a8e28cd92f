import Foundation
import Testing
@testable import KubedrillCLI

/// `set env` and `set resources` (pkg/cmd/set/set_env.go, set_resources.go, v1.33): they edit the
/// pod template, so a Deployment rolls out a new revision; `--from=configmap/x` adds one variable
/// per key as a configMapKeyRef named by the upper-cased key; a limit without a request makes the
/// API server default the request to the limit (core/v1 defaults).
@Suite("set env and set resources")
struct SetEnvResourcesTests {
    @Test("set env adds, replaces and removes variables, and --from references each key of a ConfigMap")
    func env() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "deployment", "web", "--image=nginx"]).status == 0)
        #expect(sandbox.run(["create", "configmap", "settings", "--from-literal=log.level=debug"]).status == 0)
        #expect(sandbox.run(["set", "env", "deploy/web", "MODE=fast", "TIER=web"]).out == "deployment.apps/web env updated\n")
        #expect(sandbox.run(["set", "env", "deploy/web", "MODE=slow", "TIER-", "--from=configmap/settings", "--prefix=APP_"]).status == 0)
        let yaml = sandbox.run(["get", "deploy", "web", "-o", "yaml"]).out
        // A variable already there is replaced where it stands; new ones are appended.
        #expect(yaml.contains("""
                  - env:
                    - name: MODE
                      value: slow
                    - name: APP_LOG_LEVEL
                      valueFrom:
                        configMapKeyRef:
                          key: log.level
                          name: settings
            """))
        #expect(!yaml.contains("TIER"))
        #expect(sandbox.run(["rollout", "history", "deploy/web"]).out.contains("3         <none>"))
        #expect(sandbox.run(["set", "env", "deploy/web", "X=1", "-c", "sidecar"]).err.contains("unable to find container named sidecar"))
        #expect(sandbox.run(["set", "env", "deploy/web", "--from=configmap/missing"]).err.contains("configmaps \"missing\" not found"))
    }

    @Test("set resources sets the named limits and requests; a limit alone brings an equal request")
    func resources() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "deployment", "web", "--image=nginx"]).status == 0)
        #expect(sandbox.run(["set", "resources", "deploy", "web", "--limits=cpu=200m,memory=512Mi", "--requests=cpu=100m"]).out
                == "deployment.apps/web resource requirements updated\n")
        let yaml = sandbox.run(["get", "deploy", "web", "-o", "yaml"]).out
        #expect(yaml.contains("""
                    resources:
                      limits:
                        cpu: 200m
                        memory: 512Mi
                      requests:
                        cpu: 100m
                        memory: 512Mi
            """))
        #expect(sandbox.run(["set", "resources", "deploy", "web"]).err.contains("you must specify an update to requests or limits"))
        #expect(sandbox.run(["set", "resources", "deploy", "web", "--limits=cpu=lots"]).err.contains("invalid resource \"cpu=lots\""))
    }
}
