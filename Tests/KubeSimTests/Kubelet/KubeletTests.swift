import Foundation
import KubeModel
import Testing
@testable import KubeSim

@Suite("Kubelet: images and start-up")
struct KubeletStartTests {
    @Test("A known image is pulled, then the container is created and started: Pulling, Pulled, Created, Started")
    func startsServer() throws {
        let cluster = try cluster(podYAML())
        try cluster.advance(by: .seconds(30))
        let pod = try #require(cluster.pod("web"))
        #expect(pod.status?.phase == "Running")
        #expect(pod.status?.containerStatuses?[0].ready == true)
        #expect(cluster.reasons("web") == ["Pulling", "Pulled", "Created", "Started"])
        let messages = cluster.store.events(about: .pod("web")).map(\.message)
        #expect(messages[0] == "Pulling image \"nginx:1.27\"")
        #expect(messages[2] == "Created container: app")
        #expect(messages[3] == "Started container app")
    }

    @Test("IfNotPresent skips the pull of an image the node has: Container image … already present on machine")
    func alreadyPresent() throws {
        let cluster = try cluster(podYAML())
        try cluster.advance(by: .seconds(10))
        try cluster.apply(yaml: podYAML("second"))
        try cluster.advance(by: .seconds(10))
        #expect(cluster.store.events(about: .pod("second")).first?.message == "Container image \"nginx:1.27\" already present on machine")
    }

    @Test("An unknown tag gives ErrImagePull, then ImagePullBackOff (pkg/kubelet/images/image_manager.go)")
    func unknownTag() throws {
        let cluster = try cluster(podYAML(image: "nginx:9.99"))
        try cluster.advance(by: .seconds(2))  // nginx pulls in 2 s here; the pull fails then
        #expect(cluster.containerStatus("web")?.state?.waiting?.reason == "ErrImagePull")
        try cluster.advance(by: .seconds(5))
        #expect(cluster.containerStatus("web")?.state?.waiting?.reason == "ImagePullBackOff")
        let reasons = cluster.reasons("web")
        #expect(reasons.starts(with: ["Pulling", "Failed", "Failed", "BackOff", "Failed"]))
        #expect(cluster.store.events(about: .pod("web")).last?.message == "Error: ImagePullBackOff")
    }

    @Test("A private registry image needs a kubernetes.io/dockerconfigjson pull secret for its host")
    func privateRegistry() throws {
        let cluster = try cluster(podYAML(image: "registry.example.com/team/app:1.0"))
        try cluster.advance(by: .seconds(5))
        #expect(cluster.containerStatus("web")?.state?.waiting?.reason.map { ["ErrImagePull", "ImagePullBackOff"].contains($0) } == true)
        let config = #"{"auths":{"registry.example.com":{"auth":"dTpw"}}}"#
        let encoded = Data(config.utf8).base64EncodedString()
        try cluster.apply(yaml: """
            apiVersion: v1
            kind: Secret
            metadata: {name: regcred}
            type: kubernetes.io/dockerconfigjson
            data: {.dockerconfigjson: \(encoded)}
            ---
            \(podYAML("ok", image: "registry.example.com/team/app:1.0", extra: "  imagePullSecrets: [{name: regcred}]"))
            """)
        try cluster.advance(by: .seconds(10))
        #expect(cluster.pod("ok")?.status?.phase == "Running")
    }

    @Test("A missing ConfigMap in env gives CreateContainerConfigError; creating it lets the container start")
    func missingConfigMap() throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36", container: """
                command: ["sh", "-c", "echo color=$COLOR; sleep 3600"]
                env: [{name: COLOR, valueFrom: {configMapKeyRef: {name: settings, key: color}}}]
            """))
        try cluster.advance(by: .seconds(5))
        #expect(cluster.containerStatus("web")?.state?.waiting?.reason == "CreateContainerConfigError")
        #expect(cluster.store.events(about: .pod("web")).last?.message == "Error: configmap \"settings\" not found")
        try cluster.apply(yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {color: blue}")
        try cluster.advance(by: .seconds(5))
        #expect(cluster.pod("web")?.status?.phase == "Running")
        #expect(cluster.store.containerRuntime[.pod("web")]?.containers[0].logs == ["color=blue"])
    }

    @Test("A missing ConfigMap volume keeps the pod ContainerCreating with FailedMount")
    func missingVolume() throws {
        let cluster = try cluster(podYAML(extra: "  volumes: [{name: config, configMap: {name: app-config}}]"))
        try cluster.advance(by: .seconds(5))
        #expect(cluster.containerStatus("web")?.state?.waiting?.reason == "ContainerCreating")
        #expect(cluster.store.events(about: .pod("web")).map(\.message) == ["MountVolume.SetUp failed for volume \"config\" : configmap \"app-config\" not found"])
    }
}

@Suite("Kubelet: exits, restarts and back-off")
struct KubeletRestartTests {
    @Test("busybox with no command exits 0 at once; under restartPolicy Always it goes to CrashLoopBackOff")
    func busyboxCrashLoops() throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36"))
        try cluster.advance(by: .seconds(30))
        let status = try #require(cluster.containerStatus("web"))
        #expect(status.state?.waiting?.reason == "CrashLoopBackOff")
        #expect(status.lastState?.terminated?.reason == "Completed")
        #expect(status.restartCount >= 1)
    }

    @Test("Restarts wait 0, 10, 20, 40 s… capped at 300 s (kubelet back-off, pod-lifecycle docs)")
    func backoffDoubles() {
        var backoff: Int64 = 0, updated: Int64?
        var delays: [Int64] = []
        var finished: Int64 = 0
        for _ in 0..<8 {
            let decision = CrashBackoff.restart(finishedAt: finished, backoff: backoff, updatedAt: updated)
            delays.append(decision.at - finished)
            backoff = decision.backoff
            updated = decision.updatedAt
            finished = decision.at + 1
        }
        #expect(delays == [0, 10, 20, 40, 80, 160, 300, 300])
    }

    @Test("The back-off is forgotten after 10 minutes: a container that ran that long restarts at once")
    func backoffResets() {
        let decision = CrashBackoff.restart(finishedAt: 1000, backoff: 160, updatedAt: 300)
        #expect(decision.at == 1000)
        #expect(decision.backoff == 10)
    }

    @Test("exit 3 under restartPolicy Never: the pod ends Failed with exit code 3 and reason Error")
    func exitCodeNever() throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36", container: "    command: [\"sh\", \"-c\", \"echo bye; exit 3\"]", restartPolicy: "Never"))
        try cluster.advanceUntilQuiet()
        let pod = try #require(cluster.pod("web"))
        #expect(pod.status?.phase == "Failed")
        #expect(pod.status?.containerStatuses?[0].state?.terminated?.exitCode == 3)
        #expect(pod.status?.containerStatuses?[0].state?.terminated?.reason == "Error")
    }

    @Test("sleep 5 under restartPolicy OnFailure completes: phase Succeeded, reason Completed")
    func succeeds() throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36", container: "    command: [\"sleep\", \"5\"]", restartPolicy: "OnFailure"))
        #expect(try cluster.advanceUntilQuiet())
        #expect(cluster.pod("web")?.status?.phase == "Succeeded")
    }

    @Test("Memory use above the limit ends the container OOMKilled with exit code 137, then it restarts with growing back-off")
    func oomKilled() throws {
        let cluster = try cluster(podYAML(image: "polinux/stress", container: """
                resources: {limits: {memory: 100Mi}}
                command: ["stress"]
                args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
            """))
        try cluster.advance(by: .seconds(120))
        let status = try #require(cluster.containerStatus("web"))
        #expect(status.lastState?.terminated?.reason == "OOMKilled")
        #expect(status.lastState?.terminated?.exitCode == 137)
        #expect(status.restartCount >= 3)
        #expect(cluster.reasons("web").contains("BackOff"))
    }

    @Test("An unknown executable fails to start: StartError with exit code 128")
    func startError() throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36", container: "    command: [\"nosuchbinary\"]", restartPolicy: "Never"))
        try cluster.advanceUntilQuiet()
        let terminated = try #require(cluster.containerStatus("web")?.state?.terminated)
        #expect(terminated.reason == "StartError")
        #expect(terminated.exitCode == 128)
    }

    @Test("postgres without POSTGRES_PASSWORD logs the entrypoint's error and exits 1")
    func postgresNeedsPassword() throws {
        let cluster = try cluster(podYAML(image: "postgres:16", restartPolicy: "Never"))
        try cluster.advanceUntilQuiet()
        #expect(cluster.containerStatus("web")?.state?.terminated?.exitCode == 1)
        #expect(cluster.store.containerRuntime[.pod("web")]?.containers[0].logs.first == "Error: Database is uninitialized and superuser password is not specified.")
    }

    @Test("Init containers run in order before the app containers")
    func initContainers() throws {
        let cluster = try cluster(podYAML(extra: """
              initContainers:
              - {name: first, image: "busybox:1.36", command: ["sh", "-c", "sleep 2"]}
              - {name: second, image: "busybox:1.36", command: ["sh", "-c", "sleep 3"]}
            """))
        try cluster.advance(by: .seconds(2))
        #expect(cluster.pod("web")?.status?.phase == "Pending")
        try cluster.advance(by: .seconds(30))
        let pod = try #require(cluster.pod("web"))
        #expect(pod.status?.phase == "Running")
        let started = cluster.store.events(about: .pod("web")).filter { $0.reason == "Started" }.map(\.message)
        #expect(started == ["Started container first", "Started container second", "Started container app"])
    }
}

@Suite("Kubelet: status of a finished pod")
struct FinishedPodStatusTests {
    /// pkg/kubelet/status/generate.go `GenerateContainersReadyCondition` (v1.33): once the pod
    /// has Succeeded, Ready and ContainersReady are False with reason PodCompleted and no
    /// message; a Failed pod's say ContainersNotReady and name the containers.
    @Test("A pod whose only container exited under restartPolicy Never: Succeeded says PodCompleted without a message, Failed says ContainersNotReady and names the container",
          arguments: [("echo done", "Succeeded", "PodCompleted", nil), ("exit 1", "Failed", "ContainersNotReady", "containers with unready status: [app]")])
    func finishedConditions(script: String, phase: String, reason: String, message: String?) throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36", container: "    command: [sh, -c, \"\(script)\"]", restartPolicy: "Never"))
        try cluster.advance(by: .seconds(30))
        let pod = try #require(cluster.pod("web"))
        #expect(pod.status?.phase == phase)
        for type in ["Ready", "ContainersReady"] {
            let condition = try #require(pod.status?.conditions?.first { $0.type == type })
            #expect(condition.status == "False")
            #expect(condition.reason == reason)
            #expect(condition.message == message)
        }
        #expect(pod.status?.containerStatuses?[0].state?.terminated?.reason == (phase == "Succeeded" ? "Completed" : "Error"))
    }

    @Test("A container's ID is containerd:// and 64 hex digits, the same for the same container and start, another for another start")
    func containerID() throws {
        let id = PodStatusBuilder.digest(of: "app", "30", prefix: "containerd://")
        #expect(id == "containerd://" + PodStatusBuilder.digest(of: "app30"), "the parts hash as their concatenation")
        #expect(id.utf8.count == 13 + 64 && id.dropFirst(13).allSatisfy(\.isHexDigit))
        #expect(id != PodStatusBuilder.digest(of: "app", "31", prefix: "containerd://"))
        let cluster = try cluster(podYAML())
        try cluster.advance(by: .seconds(30))
        let started = try #require(cluster.containerStatus("web")?.containerID)
        #expect(started.hasPrefix("containerd://") && started.utf8.count == 13 + 64)
        try cluster.advance(by: .seconds(30))
        #expect(cluster.containerStatus("web")?.containerID == started, "the ID stays while the container runs")
    }
}

@Suite("Kubelet: probes")
struct ProbeTests {
    @Test("A readiness probe on nginx GET / port 80 passes; on a wrong path it fails with statuscode 404 and the pod is not Ready")
    func readiness() throws {
        let cluster = try cluster(podYAML(container: "    readinessProbe: {httpGet: {path: /, port: 80}}")
            + "\n---\n" + podYAML("bad", container: "    readinessProbe: {httpGet: {path: /healthz, port: 80}}"))
        try cluster.advance(by: .seconds(60))
        #expect(cluster.containerStatus("web")?.ready == true)
        #expect(cluster.containerStatus("bad")?.ready == false)
        #expect(cluster.store.events(about: .pod("bad")).contains { $0.message == "Readiness probe failed: HTTP probe failed with statuscode: 404" })
        let ready = cluster.pod("bad")?.status?.conditions?.first { $0.type == "Ready" }
        #expect(ready?.reason == "ContainersNotReady")
        #expect(ready?.message == "containers with unready status: [app]")
    }

    @Test("A liveness probe on a port nothing listens on restarts the container after 3 failures")
    func livenessWrongPort() throws {
        let cluster = try cluster(podYAML(container: "    livenessProbe: {tcpSocket: {port: 8080}, periodSeconds: 5}"))
        try cluster.advance(by: .seconds(60))
        let events = cluster.store.events(about: .pod("web"))
        #expect(events.contains { $0.reason == "Killing" && $0.message == "Container app failed liveness probe, will be restarted" })
        #expect(events.contains { $0.reason == "Unhealthy" && $0.message.hasPrefix("Liveness probe failed: dial tcp 10.244.") })
        #expect((cluster.containerStatus("web")?.restartCount ?? 0) >= 1)
    }

    @Test("The docs' exec liveness example: cat /tmp/healthy fails after the file is removed at 30 s, and the container restarts")
    func livenessExec() throws {
        let cluster = try cluster(podYAML(image: "busybox:1.36", container: """
                args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
                livenessProbe: {exec: {command: [cat, /tmp/healthy]}, initialDelaySeconds: 5, periodSeconds: 5}
            """))
        try cluster.advance(by: .seconds(40))
        #expect(cluster.containerStatus("web")?.restartCount == 0)
        try cluster.advance(by: .seconds(60))
        #expect(cluster.store.events(about: .pod("web")).contains { $0.message == "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory" })
        #expect((cluster.containerStatus("web")?.restartCount ?? 0) >= 1)
    }
}

@Suite("QoS classes")
struct QoSTests {
    func spec(_ resources: String) throws -> PodSpec {
        let cluster = try cluster(podYAML(container: resources.isEmpty ? "" : "    resources: \(resources)"))
        return try #require(cluster.pod("web")?.spec)
    }

    @Test("No requests or limits is BestEffort; requests below limits Burstable; equal cpu and memory Guaranteed (qos.go)")
    func classes() throws {
        #expect(QoS.podClass(try spec("")) == "BestEffort")
        #expect(QoS.podClass(try spec("{requests: {memory: 64Mi}}")) == "Burstable")
        #expect(QoS.podClass(try spec("{requests: {memory: 64Mi, cpu: 100m}, limits: {memory: 128Mi, cpu: 100m}}")) == "Burstable")
        #expect(QoS.podClass(try spec("{limits: {memory: 128Mi, cpu: 100m}}")) == "Guaranteed")
        #expect(QoS.podClass(try spec("{limits: {memory: 128Mi}}")) == "Burstable")
    }

    @Test("Only cpu and memory count, and zero quantities count as unset (qos.go isSupportedQoSComputeResource, IsZero)")
    func onlyCPUAndMemory() throws {
        #expect(QoS.podClass(try spec("{requests: {ephemeral-storage: 1Gi}, limits: {ephemeral-storage: 1Gi}}")) == "BestEffort")
        #expect(QoS.podClass(try spec("{requests: {cpu: \"0\"}}")) == "BestEffort")
        #expect(QoS.podClass(try spec("{limits: {memory: 128Mi, cpu: 100m, ephemeral-storage: 1Gi}}")) == "Guaranteed")
    }

    @Test("Init containers count: one without limits makes an otherwise Guaranteed pod Burstable")
    func initContainersCount() throws {
        var spec = try spec("{limits: {memory: 128Mi, cpu: 100m}}")
        var setup = Container()
        setup.name = "setup"
        setup.image = "busybox:1.36"
        spec.initContainers = [setup]
        #expect(QoS.podClass(spec) == "Burstable")
        setup.resources = spec.containers[0].resources
        spec.initContainers = [setup]
        #expect(QoS.podClass(spec) == "Guaranteed")
    }
}

/// Pods running the same command share one interpretation of it (`ScriptRunCache`); what each
/// prints must still be its own, as a real shell would print it.
@Suite("Kubelet: one command, many pods")
struct KubeletScriptSharingTests {
    static func pod(_ name: String, script: String, greeting: String) -> String {
        podYAML(name, image: "busybox:1.36", container: """
            command: [sh, -c, "\(script)"]
            env: [{name: GREETING, value: \(greeting)}]
        """, restartPolicy: "Never")
    }

    @Test("Two pods with the same command and different values each log their own $GREETING, and their own hostname")
    func ownValues() throws {
        let cluster = try cluster([Self.pod("one", script: "echo $GREETING", greeting: "hello"),
                                   Self.pod("two", script: "echo $GREETING", greeting: "bonjour"),
                                   Self.pod("three", script: "echo $GREETING from $(hostname)", greeting: "hi"),
                                   Self.pod("four", script: "echo $GREETING from $(hostname)", greeting: "hi")].joined(separator: "\n---\n"))
        try cluster.advance(by: .seconds(30))
        #expect(try cluster.logs(pod: "one") == ["hello"])
        #expect(try cluster.logs(pod: "two") == ["bonjour"])
        #expect(try cluster.logs(pod: "three") == ["hi from three"])
        #expect(try cluster.logs(pod: "four") == ["hi from four"])
    }

    @Test("$(NAME) in a command is expanded from each pod's own variables, names with dots included")
    func dependentVariables() throws {
        let pods = ["one": "hello", "two": "bonjour"].sorted { $0.key < $1.key }.map { name, value in
            podYAML(name, image: "busybox:1.36", container: """
                command: [sh, -c, "echo $(app.greeting)"]
                env: [{name: app.greeting, value: \(value)}]
            """, restartPolicy: "Never")
        }
        let cluster = try cluster(pods.joined(separator: "\n---\n"))
        try cluster.advance(by: .seconds(30))
        #expect(try cluster.logs(pod: "one") == ["hello"])
        #expect(try cluster.logs(pod: "two") == ["bonjour"])
    }

    @Test("A command reading no variable still prints each pod's environment through printenv")
    func printenvSeesAll() throws {
        let cluster = try cluster([Self.pod("one", script: "printenv", greeting: "hi"),
                                   Self.pod("two", script: "printenv", greeting: "hi")].joined(separator: "\n---\n"))
        try cluster.advance(by: .seconds(30))
        #expect(try cluster.logs(pod: "one").contains("HOSTNAME=one"))
        #expect(try cluster.logs(pod: "two").contains("HOSTNAME=two"))
    }
}
