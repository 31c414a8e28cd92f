import KubeModel
import Testing
@testable import KubeSim

/// Upstream: pkg/apis/core/v1/defaults.go and pkg/apis/apps/v1/defaults.go (v1.33).
@Suite("API-server defaulting")
struct DefaultingTests {
    @Test("Pod defaults: restartPolicy Always, dnsPolicy ClusterFirst, terminationGracePeriodSeconds 30, schedulerName default-scheduler")
    func podDefaults() throws {
        let spec = try #require(try cluster(podYAML()).pod("web")?.spec)
        #expect(spec.restartPolicy == "Always")
        #expect(spec.dnsPolicy == "ClusterFirst")
        #expect(spec.terminationGracePeriodSeconds == 30)
        #expect(spec.schedulerName == "default-scheduler")
        #expect(spec.serviceAccountName == "default")
    }

    @Test("needsDefaults agrees with apply: true until a spec is defaulted, false after, true again for any one field unset")
    func needsDefaultsAgreesWithApply() {
        var container = Container()
        container.name = "main"
        container.image = "nginx:1.27"
        var port = ContainerPort()
        port.containerPort = 80
        container.ports = [port]
        var probe = Probe()
        probe.httpGet = HTTPGetAction()
        container.readinessProbe = probe
        container.livenessProbe = probe
        container.startupProbe = probe
        var resources = ResourceRequirements()
        resources.limits = ["cpu": Quantity(milli: 500)]
        container.resources = resources
        var spec = PodSpec()
        spec.containers = [container]
        spec.initContainers = [container]
        #expect(PodDefaults.needsDefaults(spec))
        PodDefaults.apply(to: &spec)
        #expect(!PodDefaults.needsDefaults(spec))
        // Every default apply fills in, one at a time: the two lists of rules must stay in step.
        let unsets: [(inout PodSpec) -> Void] = [
            { $0.restartPolicy = nil }, { $0.dnsPolicy = nil }, { $0.terminationGracePeriodSeconds = nil }, { $0.schedulerName = nil },
            { $0.securityContext = nil }, { $0.enableServiceLinks = nil },
            { $0.containers[0].imagePullPolicy = nil }, { $0.containers[0].terminationMessagePath = nil },
            { $0.containers[0].terminationMessagePolicy = nil }, { $0.containers[0].ports?[0].protocol = nil },
            { $0.containers[0].readinessProbe?.timeoutSeconds = nil }, { $0.containers[0].readinessProbe?.periodSeconds = nil },
            { $0.containers[0].readinessProbe?.successThreshold = nil }, { $0.containers[0].readinessProbe?.failureThreshold = nil },
            { $0.containers[0].readinessProbe?.httpGet?.path = nil }, { $0.containers[0].readinessProbe?.httpGet?.scheme = nil },
            { $0.containers[0].livenessProbe?.periodSeconds = nil }, { $0.containers[0].startupProbe?.failureThreshold = nil },
            { $0.initContainers?[0].imagePullPolicy = nil }, { $0.containers[0].resources?.requests = nil },
        ]
        for unset in unsets {
            var changed = spec
            unset(&changed)
            #expect(PodDefaults.needsDefaults(changed))
            PodDefaults.apply(to: &changed)
            #expect(changed == spec)
        }
    }

    @Test("imagePullPolicy is Always for :latest or no tag, else IfNotPresent")
    func pullPolicy() {
        #expect(PodDefaults.pullPolicy(for: "nginx") == "Always")
        #expect(PodDefaults.pullPolicy(for: "nginx:latest") == "Always")
        #expect(PodDefaults.pullPolicy(for: "nginx:1.27") == "IfNotPresent")
        #expect(PodDefaults.pullPolicy(for: "localhost:5000/app") == "Always")
        #expect(PodDefaults.pullPolicy(for: "nginx@sha256:abc") == "IfNotPresent")
    }

    @Test("A container with limits and no requests gets requests equal to its limits (SetDefaults_Pod)")
    func requestsFromLimits() throws {
        let pod = try #require(try cluster(podYAML(container: "    resources: {limits: {cpu: 500m, memory: 128Mi}}")).pod("web"))
        #expect(pod.spec?.containers[0].resources?.requests?["memory"] == (try Quantity(parsing: "128Mi")))
        #expect(pod.status?.qosClass == "Guaranteed")
    }

    @Test("Deployment defaults: RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600, replicas 1")
    func deploymentDefaults() throws {
        let cluster = try cluster(MergeTests.deployment.replacingOccurrences(of: "  replicas: 2\n", with: ""))
        guard case .deployment(let deployment)? = cluster.get(ObjectKey(kind: "Deployment", namespace: "default", name: "web")) else {
            Issue.record("no deployment"); return
        }
        let spec = try #require(deployment.spec)
        #expect(spec.replicas == 1)
        #expect(spec.strategy?.type == "RollingUpdate")
        #expect(spec.strategy?.rollingUpdate?.maxSurge == .string("25%"))
        #expect(spec.strategy?.rollingUpdate?.maxUnavailable == .string("25%"))
        #expect(spec.revisionHistoryLimit == 10)
        #expect(spec.progressDeadlineSeconds == 600)
        #expect(spec.template.spec?.restartPolicy == "Always")
    }

    @Test("Service defaults: type ClusterIP, protocol TCP, targetPort = port, a cluster IP allocated")
    func serviceDefaults() throws {
        let cluster = try cluster("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            """)
        guard case .service(let service)? = cluster.get(ObjectKey(kind: "Service", namespace: "default", name: "web")) else {
            Issue.record("no service"); return
        }
        #expect(service.spec?.type == "ClusterIP")
        #expect(service.spec?.ports?[0].protocol == "TCP")
        #expect(service.spec?.ports?[0].targetPort == .int(80))
        #expect(service.spec?.clusterIP?.hasPrefix("10.96.") == true)
    }
}

@Suite("Admission plugins")
struct AdmissionTests {
    @Test("NamespaceLifecycle: an object in a missing namespace is refused with namespaces \"x\" not found")
    func missingNamespace() throws {
        let cluster = Cluster()
        #expect(throws: APIError(reason: "NotFound", message: "namespaces \"shop\" not found")) {
            try cluster.apply(yaml: podYAML().replacingOccurrences(of: "name: web", with: "name: web\n  namespace: shop"))
        }
    }

    @Test("A new namespace gets its default ServiceAccount, so pods can be created in it")
    func namespaceServiceAccount() throws {
        let cluster = try cluster("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            \(podYAML().replacingOccurrences(of: "name: web", with: "name: web\n  namespace: shop"))
            """)
        #expect(cluster.pod("web", namespace: "shop") != nil)
    }

    @Test("ServiceAccount admission refuses a pod naming a missing service account")
    func missingServiceAccount() throws {
        let cluster = Cluster()
        let yaml = podYAML(extra: "  serviceAccountName: robot")
        #expect(throws: APIError(reason: "Forbidden", message: "pods \"web\" is forbidden: error looking up service account default/robot: serviceaccount \"robot\" not found")) {
            try cluster.apply(yaml: yaml)
        }
    }

    @Test("LimitRange defaults fill missing requests and limits; max is enforced with upstream's message")
    func limitRange() throws {
        let cluster = try cluster("""
            apiVersion: v1
            kind: LimitRange
            metadata: {name: limits}
            spec:
              limits:
              - type: Container
                default: {memory: 512Mi}
                defaultRequest: {memory: 256Mi}
                max: {memory: 1Gi}
            """)
        try cluster.apply(yaml: podYAML())
        let resources = try #require(cluster.pod("web")?.spec?.containers[0].resources)
        #expect(resources.requests?["memory"] == (try Quantity(parsing: "256Mi")))
        #expect(resources.limits?["memory"] == (try Quantity(parsing: "512Mi")))
        #expect(throws: APIError(reason: "Forbidden", message: "pods \"big\" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi")) {
            try cluster.apply(yaml: podYAML("big", container: "    resources: {limits: {memory: 2Gi}}"))
        }
    }

    @Test("ResourceQuota: a pod past the quota is refused with exceeded quota: <name>, requested, used, limited")
    func quota() throws {
        let cluster = try cluster("""
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: compute}
            spec: {hard: {requests.memory: 1Gi, pods: "10"}}
            """)
        try cluster.apply(yaml: podYAML("a", container: "    resources: {requests: {memory: 768Mi}}"))
        #expect(throws: APIError(reason: "Forbidden", message: "pods \"b\" is forbidden: exceeded quota: compute, requested: requests.memory=512Mi, used: requests.memory=768Mi, limited: requests.memory=1Gi")) {
            try cluster.apply(yaml: podYAML("b", container: "    resources: {requests: {memory: 512Mi}}"))
        }
        guard case .resourceQuota(let quota)? = cluster.get(ObjectKey(kind: "ResourceQuota", namespace: "default", name: "compute")) else { return }
        #expect(quota.status?.used?["pods"] == Quantity(1))
    }

    @Test("ResourceQuota on requests.memory refuses a pod that does not set it: must specify requests.memory")
    func quotaMustSpecify() throws {
        let cluster = try cluster("""
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: compute}
            spec: {hard: {requests.memory: 1Gi}}
            """)
        #expect(throws: APIError(reason: "Forbidden", message: "pods \"web\" is forbidden: failed quota: compute: must specify requests.memory for: app")) {
            try cluster.apply(yaml: podYAML())
        }
    }

    @Test("Priority admission resolves priorityClassName; an unknown class is refused")
    func priority() throws {
        let cluster = try cluster("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000
            """)
        try cluster.apply(yaml: podYAML(extra: "  priorityClassName: high"))
        #expect(cluster.pod("web")?.spec?.priority == 1000)
        #expect(throws: APIError(reason: "Forbidden", message: "pods \"x\" is forbidden: no PriorityClass with name nope was found")) {
            try cluster.apply(yaml: podYAML("x", extra: "  priorityClassName: nope"))
        }
    }

    @Test("DefaultTolerationSeconds adds not-ready and unreachable NoExecute tolerations for 300 s")
    func defaultTolerations() throws {
        let tolerations = try #require(try cluster(podYAML()).pod("web")?.spec?.tolerations)
        #expect(tolerations.map(\.key) == ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"])
        #expect(tolerations.allSatisfy { $0.tolerationSeconds == 300 && $0.effect == "NoExecute" && $0.operator == "Exists" })
    }

    // plugin/pkg/admission/defaulttolerationseconds: a key the pod already tolerates for
    // NoExecute (or for every effect) keeps the pod's own toleration; only the other is added.
    @Test("DefaultTolerationSeconds keeps a pod's own toleration of either key and adds only the other")
    func defaultTolerationsRespectThePods() throws {
        let own = """
              tolerations:
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 60}
              - {key: example.com/gpu, operator: Exists, effect: NoSchedule}
            """
        let tolerations = try #require(try cluster(podYAML(extra: own)).pod("web")?.spec?.tolerations)
        #expect(tolerations.map { "\($0.key ?? ""):\($0.effect ?? ""):\($0.tolerationSeconds.map(String.init) ?? "-")" }
            == ["node.kubernetes.io/unreachable:NoExecute:60", "example.com/gpu:NoSchedule:-", "node.kubernetes.io/not-ready:NoExecute:300"])
        let everything = "  tolerations: [{operator: Exists}]"
        #expect(try cluster(podYAML(extra: everything)).pod("web")?.spec?.tolerations?.count == 1)
    }
}
