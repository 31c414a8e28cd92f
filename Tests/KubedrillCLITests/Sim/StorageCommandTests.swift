import Foundation
import Testing
@testable import KubedrillCLI

/// Claims, classes and cascading deletion through the command surface, the cluster saved between
/// commands. Columns: pkg/printers/internalversion/printers.go v1.33; `--cascade` values and the
/// error for others: kubectl's `GetCascadingStrategy`.
@Suite("Storage and deletion commands")
struct StorageCommandTests {
    static let manifests = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 2Gi}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: "nginx:1.27", volumeMounts: [{name: data, mountPath: /data}]}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
        """

    @Test("get sc marks the default class; a claim used by a Deployment's pod is Bound; delete --cascade=foreground deletes it all")
    func claimAndForegroundDelete() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(at: sandbox.root, withIntermediateDirectories: true)
        let url = sandbox.root.appendingPathComponent("app.yaml")
        try Self.manifests.write(to: url, atomically: true, encoding: .utf8)
        #expect(sandbox.run(["get", "storageclass"]).out == """
            NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
            standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  0s

            """)
        #expect(sandbox.run(["apply", "-f", url.path]).out == "persistentvolumeclaim/data created\ndeployment.apps/web created\n")
        #expect(sandbox.run(["advance", "10s"]).status == 0)
        let claims = sandbox.run(["get", "pvc"]).out
        #expect(claims.hasPrefix("NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\ndata   Bound    pvc-"))
        #expect(sandbox.run(["delete", "deployment", "web", "--cascade=foreground"]).out == "deployment.apps \"web\" deleted\n")
        #expect(sandbox.run(["advance", "30s"]).status == 0)
        for kind in ["deployments", "replicasets", "pods"] { #expect(sandbox.run(["get", kind, "-o", "name"]).out == "", "\(kind) left") }
        let invalid = sandbox.run(["delete", "pvc", "data", "--cascade=later"])
        #expect(invalid.status != 0)
        #expect(invalid.err.contains("invalid cascade value (later). Must be \"background\", \"foreground\", or \"orphan\""))
    }
}
