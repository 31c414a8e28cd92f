import Foundation
import Testing
@testable import KubedrillCLI

/// kubectl's node verbs (pkg/cmd/drain, pkg/cmd/taint, v1.33): cordon/uncordon; taint specs
/// `key=value:Effect`, `key:Effect-`, `key-`; a NoExecute taint evicts pods that do not tolerate it
/// (the taint manager); drain refuses pods with emptyDir volumes without --delete-emptydir-data.
@Suite("cordon, uncordon, drain and taint")
struct NodeVerbTests {
    @Test("cordon marks a node unschedulable and uncordon clears it")
    func cordon() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["cordon", "worker-1"]).out == "node/worker-1 cordoned\n")
        #expect(sandbox.run(["get", "nodes"]).out.contains("worker-1        Ready,SchedulingDisabled"))
        #expect(sandbox.run(["uncordon", "worker-1"]).out == "node/worker-1 uncordoned\n")
        #expect(sandbox.run(["cordon", "nowhere"]).err.contains("nodes \"nowhere\" not found"))
    }

    @Test("taint adds, refuses a duplicate without --overwrite, removes by key:effect or key; NoExecute evicts intolerant pods")
    func taint() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["taint", "nodes", "worker-1", "gpu=true:NoSchedule"]).out == "node/worker-1 tainted\n")
        #expect(sandbox.run(["get", "node", "worker-1", "-o", "yaml"]).out.contains("  taints:\n  - effect: NoSchedule\n    key: gpu\n    value: \"true\"\n"))
        #expect(sandbox.run(["taint", "nodes", "worker-1", "gpu=false:NoSchedule"]).err
                .contains("node worker-1 already has gpu taint(s) with same effect(s) and --overwrite is false"))
        #expect(sandbox.run(["taint", "nodes", "worker-1", "gpu=false:NoSchedule", "--overwrite"]).status == 0)
        #expect(sandbox.run(["taint", "node", "worker-1", "gpu:NoSchedule-"]).out == "node/worker-1 untainted\n")
        #expect(sandbox.run(["taint", "nodes", "worker-1", "gpu-"]).err.contains("taint \"gpu\" not found"))
        #expect(sandbox.run(["taint", "nodes", "worker-1", "gpu=true:Sometimes"]).err.contains("invalid taint effect: Sometimes, unsupported taint effect"))
        // A pod on worker-1 is evicted by a NoExecute taint it does not tolerate.
        try sandbox.write("""
            apiVersion: v1
            kind: Pod
            metadata: {name: pinned}
            spec:
              nodeName: worker-1
              containers: [{name: main, image: "nginx:1.27"}]
            """, to: "pod.yaml")
        #expect(sandbox.run(["apply", "-f", sandbox.root.appendingPathComponent("pod.yaml").path]).status == 0)
        #expect(sandbox.run(["advance", "10s"]).status == 0)
        #expect(sandbox.run(["taint", "nodes", "worker-1", "maintenance=now:NoExecute"]).status == 0)
        #expect(sandbox.run(["advance", "60s"]).status == 0)
        #expect(sandbox.run(["get", "pod", "pinned"]).status != 0)
    }

    @Test("drain refuses pods with emptyDir volumes unless --delete-emptydir-data")
    func drainLocalStorage() throws {
        let sandbox = try Sandbox()
        try sandbox.write("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: cache}
            spec:
              replicas: 1
              selector: {matchLabels: {app: cache}}
              template:
                metadata: {labels: {app: cache}}
                spec:
                  nodeSelector: {kubernetes.io/hostname: worker-2}
                  volumes: [{name: scratch, emptyDir: {}}]
                  containers: [{name: main, image: "redis:7", volumeMounts: [{name: scratch, mountPath: /data}]}]
            """, to: "cache.yaml")
        #expect(sandbox.run(["apply", "-f", sandbox.root.appendingPathComponent("cache.yaml").path]).status == 0)
        #expect(sandbox.run(["advance", "30s"]).status == 0)
        let refused = sandbox.run(["drain", "worker-2", "--ignore-daemonsets"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-"))
        let drained = sandbox.run(["drain", "worker-2", "--ignore-daemonsets", "--delete-emptydir-data"])
        #expect(drained.status == 0)
        #expect(drained.out.contains("Warning: deleting Pods with local storage: default/cache-"))
        #expect(drained.out.hasSuffix("node/worker-2 drained\n"))
    }
}
