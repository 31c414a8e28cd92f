#!/usr/bin/env python3
"""Writes the validation corpus and records the reference verdicts the tests compare against.

Each case is a manifest with at most one learner's mistake. Its expected verdict comes from:
  - "schema": the reference, kubernetes-validate (upstream OpenAPI v1.33.0, strict); the script
    checks the reference really gives that verdict and records its message;
  - "upstream:<function>": a rule the API server applies beyond the schema, cited by the upstream
    validation function (the reference must call these documents valid: it cannot see the rule);
  - "yaml": the YAML layer (go-yaml v2 behaviour, cited in the case).
Output: Tests/KubeModelTests/Fixtures/corpus/<name>.yaml and expectations.json beside them.
Run: pip install kubernetes-validate && python3 Scripts/make-corpus.py
"""
import copy, json, os, sys
import yaml
import kubernetes_validate
from kubernetes_validate.utils import validate as kv_validate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/KubeModelTests/Fixtures/corpus")
VERSION = "1.33.0"

def meta(name, **labels):
    m = {"name": name}
    if labels: m["labels"] = dict(labels)
    return m

def container(name="web", image="nginx:1.27", **extra):
    c = {"name": name, "image": image}
    c.update(extra)
    return c

def pod_template(labels, containers=None, **spec):
    s = {"containers": containers or [container(ports=[{"containerPort": 80}])]}
    s.update(spec)
    return {"metadata": {"labels": dict(labels)}, "spec": s}

BASES = {
    "pod": {"apiVersion": "v1", "kind": "Pod", "metadata": meta("web", app="web"),
            "spec": {"containers": [container(ports=[{"containerPort": 80, "name": "http"}],
                     resources={"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "128Mi"}},
                     livenessProbe={"httpGet": {"path": "/", "port": "http"}, "initialDelaySeconds": 5},
                     readinessProbe={"tcpSocket": {"port": 80}})]}},
    "deployment": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta("web", app="web"),
                   "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
                            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
                            "template": pod_template({"app": "web"})}},
    "replicaset": {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": meta("web-rs"),
                   "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}}, "template": pod_template({"app": "web"})}},
    "statefulset": {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": meta("db"),
                    "spec": {"serviceName": "db", "replicas": 3, "selector": {"matchLabels": {"app": "db"}},
                             "template": pod_template({"app": "db"}, [container("db", "postgres:16", ports=[{"containerPort": 5432}],
                                                                              volumeMounts=[{"name": "data", "mountPath": "/var/lib/postgresql"}])]),
                             "volumeClaimTemplates": [{"metadata": {"name": "data"},
                                                       "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]}},
    "daemonset": {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": meta("logs"),
                  "spec": {"selector": {"matchLabels": {"app": "logs"}},
                           "template": pod_template({"app": "logs"}, [container("agent", "fluent/fluent-bit:3.0")],
                                                    tolerations=[{"key": "node-role.kubernetes.io/control-plane", "operator": "Exists", "effect": "NoSchedule"}])}},
    "job": {"apiVersion": "batch/v1", "kind": "Job", "metadata": meta("pi"),
            "spec": {"backoffLimit": 4, "completions": 1, "template": {"spec": {"restartPolicy": "Never",
                     "containers": [container("pi", "perl:5.34", command=["perl", "-Mbignum=bpi", "-wle", "print bpi(200)"])]}}}},
    "cronjob": {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": meta("hello"),
                "spec": {"schedule": "*/5 * * * *", "concurrencyPolicy": "Forbid", "jobTemplate": {"spec": {"template": {"spec": {
                    "restartPolicy": "OnFailure", "containers": [container("hello", "busybox:1.36", command=["date"])]}}}}}},
    "service": {"apiVersion": "v1", "kind": "Service", "metadata": meta("web"),
                "spec": {"selector": {"app": "web"}, "ports": [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"}]}},
    "service-nodeport": {"apiVersion": "v1", "kind": "Service", "metadata": meta("web-np"),
                         "spec": {"type": "NodePort", "selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": "http", "nodePort": 30080}]}},
    "configmap": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("app-config"),
                  "data": {"MODE": "production", "app.properties": "color=blue\nsize=3\n"}},
    "secret": {"apiVersion": "v1", "kind": "Secret", "metadata": meta("db-pass"), "type": "Opaque",
               "data": {"password": "czNjcmV0"}, "stringData": {"user": "admin"}},
    "namespace": {"apiVersion": "v1", "kind": "Namespace", "metadata": meta("team-a")},
    "pv": {"apiVersion": "v1", "kind": "PersistentVolume", "metadata": meta("pv-1"),
           "spec": {"capacity": {"storage": "5Gi"}, "accessModes": ["ReadWriteOnce"], "persistentVolumeReclaimPolicy": "Retain",
                    "hostPath": {"path": "/data/pv-1"}}},
    "pvc": {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": meta("data"),
            "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "standard", "resources": {"requests": {"storage": "1Gi"}}}},
    "resourcequota": {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": meta("quota"),
                      "spec": {"hard": {"requests.cpu": "4", "requests.memory": "8Gi", "pods": "20"}}},
    "limitrange": {"apiVersion": "v1", "kind": "LimitRange", "metadata": meta("limits"),
                   "spec": {"limits": [{"type": "Container", "default": {"cpu": "500m"}, "defaultRequest": {"cpu": "100m"}, "max": {"cpu": "2"}}]}},
    "serviceaccount": {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("builder"), "automountServiceAccountToken": False},
    "ingress": {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": meta("web"),
                "spec": {"ingressClassName": "nginx", "rules": [{"host": "shop.example.com", "http": {"paths": [
                    {"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}]}},
    "ingressclass": {"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass", "metadata": meta("nginx"),
                     "spec": {"controller": "k8s.io/ingress-nginx"}},
    "networkpolicy": {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": meta("db-allow-web"),
                      "spec": {"podSelector": {"matchLabels": {"app": "db"}}, "policyTypes": ["Ingress"],
                               "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"protocol": "TCP", "port": 5432}]}]}},
    "storageclass": {"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": meta("fast"),
                     "provisioner": "kubernetes.io/no-provisioner", "volumeBindingMode": "WaitForFirstConsumer", "reclaimPolicy": "Delete"},
    "hpa": {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": meta("web"),
            "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "minReplicas": 2, "maxReplicas": 10,
                     "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}]}},
    "hpa-v1": {"apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler", "metadata": meta("web-v1"),
               "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "minReplicas": 1, "maxReplicas": 5,
                        "targetCPUUtilizationPercentage": 80}},
    "pdb": {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": meta("web-pdb"),
            "spec": {"minAvailable": "50%", "selector": {"matchLabels": {"app": "web"}}}},
    "priorityclass": {"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": meta("high"),
                      "value": 100000, "globalDefault": False, "description": "for important pods"},
    "role": {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "pod-reader", "namespace": "default"},
             "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch"]}]},
    "clusterrole": {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": meta("node-reader"),
                    "rules": [{"apiGroups": [""], "resources": ["nodes"], "verbs": ["get", "list"]}]},
    "rolebinding": {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": meta("read-pods"),
                    "subjects": [{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"}],
                    "roleRef": {"kind": "Role", "name": "pod-reader", "apiGroup": "rbac.authorization.k8s.io"}},
    "clusterrolebinding": {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": meta("read-nodes"),
                           "subjects": [{"kind": "ServiceAccount", "name": "builder", "namespace": "default"}],
                           "roleRef": {"kind": "ClusterRole", "name": "node-reader", "apiGroup": "rbac.authorization.k8s.io"}},
    "node": {"apiVersion": "v1", "kind": "Node", "metadata": meta("worker-1", **{"kubernetes.io/hostname": "worker-1"}),
             "spec": {"taints": [{"key": "dedicated", "value": "gpu", "effect": "NoSchedule"}]}},
    "event": {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "web.17a", "namespace": "default"},
              "involvedObject": {"kind": "Pod", "name": "web", "namespace": "default"}, "reason": "Scheduled",
              "message": "Successfully assigned default/web to worker-1", "type": "Normal"},
}

def setp(doc, path, value):
    """Sets a dotted path (list indexes as numbers); value DELETE removes the key."""
    keys = path.split(".")
    cur = doc
    for k in keys[:-1]:
        cur = cur[int(k)] if isinstance(cur, list) else cur[k]
    last = keys[-1]
    if value is DELETE:
        del cur[last]
    elif isinstance(cur, list):
        cur[int(last)] = value
    else:
        cur[last] = value

DELETE = object()
POD_C = "spec.containers.0"
DEP_C = "spec.template.spec.containers.0"

# (name, base, [(path, value)...], category, expected path, message fragment)
MUTATIONS = [
    ("deployment-unknown-field", "deployment", [("spec.replica", 3), ("spec.replicas", DELETE)], "schema", "spec.replica", 'unknown field "replica"'),
    ("deployment-containerport-string", "deployment", [(DEP_C + ".ports.0.containerPort", "80")], "schema", "spec.template.spec.containers[0].ports[0].containerPort", "invalid type"),
    ("deployment-replicas-string", "deployment", [("spec.replicas", "three")], "schema", "spec.replicas", "invalid type"),
    ("deployment-missing-selector", "deployment", [("spec.selector", DELETE)], "schema", "spec.selector", "Required value"),
    ("deployment-missing-template", "deployment", [("spec.template", DELETE)], "schema", "spec.template", "Required value"),
    ("deployment-containers-not-list", "deployment", [("spec.template.spec.containers", {"name": "web", "image": "nginx"})], "schema", "spec.template.spec.containers", "invalid type"),
    ("deployment-container-missing-name", "deployment", [(DEP_C + ".name", DELETE)], "schema", "spec.template.spec.containers[0].name", "Required value"),
    ("deployment-env-value-number", "deployment", [(DEP_C + ".env", [{"name": "PORT", "value": 8080}])], "schema", "spec.template.spec.containers[0].env[0].value", "invalid type"),
    ("deployment-label-value-number", "deployment", [("metadata.labels.version", 2)], "schema", "metadata.labels[version]", "invalid type"),
    ("deployment-image-list", "deployment", [(DEP_C + ".image", ["nginx"])], "schema", "spec.template.spec.containers[0].image", "invalid type"),
    ("deployment-selector-mismatch", "deployment", [("spec.template.metadata.labels", {"app": "frontend"})], "upstream:ValidatePodTemplateSpecForReplicaSet", "spec.template.metadata.labels", "`selector` does not match template `labels`"),
    ("deployment-empty-selector", "deployment", [("spec.selector", {})], "upstream:ValidateDeploymentSpec", "spec.selector", "empty selector is invalid for deployment"),
    ("deployment-restart-onfailure", "deployment", [("spec.template.spec.restartPolicy", "OnFailure")], "upstream:ValidatePodTemplateSpecForReplicaSet", "spec.template.spec.restartPolicy", 'Unsupported value: "OnFailure"'),
    ("deployment-duplicate-container", "deployment", [("spec.template.spec.containers", [container(), container()])], "upstream:validateContainers", "spec.template.spec.containers[1].name", 'Duplicate value: "web"'),
    ("deployment-port-too-big", "deployment", [(DEP_C + ".ports.0.containerPort", 70000)], "upstream:validateContainerPorts", "spec.template.spec.containers[0].ports[0].containerPort", "must be between 1 and 65535, inclusive"),
    ("deployment-negative-replicas", "deployment", [("spec.replicas", -1)], "upstream:ValidateDeploymentSpec", "spec.replicas", "must be greater than or equal to 0"),
    ("deployment-bad-name", "deployment", [("metadata.name", "Web_App")], "upstream:ValidateObjectMeta(NameIsDNSSubdomain)", "metadata.name", "a lowercase RFC 1123 subdomain"),
    ("deployment-missing-image", "deployment", [(DEP_C + ".image", DELETE)], "upstream:validateContainers", "spec.template.spec.containers[0].image", "Required value"),
    ("deployment-limits-below-requests", "deployment", [(DEP_C + ".resources", {"requests": {"memory": "512Mi"}, "limits": {"memory": "256Mi"}})], "upstream:ValidateResourceRequirements", "spec.template.spec.containers[0].resources.requests[memory]", "must be less than or equal to memory limit of 256Mi"),
    ("deployment-bad-quantity", "deployment", [(DEP_C + ".resources", {"requests": {"memory": "512MB"}})], "upstream:resource.ParseQuantity", "spec.template.spec.containers[0].resources.requests[memory]", "quantities must match the regular expression"),
    ("deployment-two-probe-handlers", "deployment", [(DEP_C + ".livenessProbe", {"httpGet": {"path": "/", "port": 80}, "tcpSocket": {"port": 80}})], "upstream:validateHandler", "spec.template.spec.containers[0].livenessProbe.tcpSocket", "may not specify more than 1 handler type"),
    ("deployment-probe-no-handler", "deployment", [(DEP_C + ".readinessProbe", {"periodSeconds": 5})], "upstream:validateHandler", "spec.template.spec.containers[0].readinessProbe", "must specify a handler type"),
    ("deployment-bad-strategy", "deployment", [("spec.strategy", {"type": "BlueGreen"})], "upstream:ValidateDeploymentStrategy", "spec.strategy.type", 'Unsupported value: "BlueGreen"'),
    ("deployment-recreate-with-rolling", "deployment", [("spec.strategy.type", "Recreate")], "upstream:ValidateDeploymentStrategy", "spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"),
    ("deployment-bad-pull-policy", "deployment", [(DEP_C + ".imagePullPolicy", "always")], "upstream:validateContainers(validatePullPolicy)", "spec.template.spec.containers[0].imagePullPolicy", 'Unsupported value: "always"'),
    ("deployment-mount-unknown-volume", "deployment", [(DEP_C + ".volumeMounts", [{"name": "cache", "mountPath": "/cache"}])], "upstream:ValidateVolumeMounts", "spec.template.spec.containers[0].volumeMounts[0].name", 'Not found: "cache"'),
    ("deployment-bad-label-key", "deployment", [("metadata.labels", {"app/name/x": "web"})], "upstream:ValidateLabels", "metadata.labels", "a qualified name must consist of"),
    ("deployment-bad-label-value", "deployment", [("metadata.labels", {"app": "web server"})], "upstream:ValidateLabels", "metadata.labels[app]", "a valid label must be an empty string"),
    ("deployment-bad-maxsurge", "deployment", [("spec.strategy.rollingUpdate.maxSurge", "lots")], "upstream:ValidateRollingUpdateDeployment", "spec.strategy.rollingUpdate.maxSurge", "a valid percent string"),
    ("deployment-status-typo-in-spec", "deployment", [("spec.template.spec.container", [container()]), ("spec.template.spec.containers", DELETE)], "schema", "spec.template.spec.container", 'unknown field "container"'),
    ("pod-no-containers", "pod", [("spec.containers", [])], "upstream:validateContainers", "spec.containers", "Required value"),
    ("pod-bad-restart", "pod", [("spec.restartPolicy", "Sometimes")], "upstream:validateRestartPolicy", "spec.restartPolicy", 'Unsupported value: "Sometimes"'),
    ("pod-bad-container-name", "pod", [(POD_C + ".name", "Web_1")], "upstream:validateContainerCommon(ValidateDNS1123Label)", "spec.containers[0].name", "a lowercase RFC 1123 label"),
    ("pod-port-name-too-long", "pod", [(POD_C + ".ports.0.name", "http-frontend-port")], "upstream:validateContainerPorts(IsValidPortName)", "spec.containers[0].ports[0].name", "must be no more than 15 characters"),
    ("pod-bad-protocol", "pod", [(POD_C + ".ports.0.protocol", "tcp")], "upstream:validateContainerPorts", "spec.containers[0].ports[0].protocol", 'Unsupported value: "tcp"'),
    ("pod-liveness-success-threshold", "pod", [(POD_C + ".livenessProbe.successThreshold", 2)], "upstream:validateProbe", "spec.containers[0].livenessProbe.successThreshold", "must be 1"),
    ("pod-toleration-exists-with-value", "pod", [("spec.tolerations", [{"key": "gpu", "operator": "Exists", "value": "yes"}])], "upstream:ValidateTolerations", "spec.tolerations[0].operator", "value must be empty when `operator` is 'Exists'"),
    ("pod-toleration-bad-effect", "pod", [("spec.tolerations", [{"key": "gpu", "operator": "Equal", "value": "a", "effect": "NoScheduling"}])], "upstream:ValidateTolerations", "spec.tolerations[0].effect", 'Unsupported value: "NoScheduling"'),
    ("pod-spread-zero-skew", "pod", [("spec.topologySpreadConstraints", [{"maxSkew": 0, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "DoNotSchedule", "labelSelector": {"matchLabels": {"app": "web"}}}])], "upstream:validateTopologySpreadConstraints", "spec.topologySpreadConstraints[0].maxSkew", "must be greater than zero"),
    ("pod-spread-bad-when", "pod", [("spec.topologySpreadConstraints", [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname", "whenUnsatisfiable": "Never"}])], "upstream:validateTopologySpreadConstraints", "spec.topologySpreadConstraints[0].whenUnsatisfiable", 'Unsupported value: "Never"'),
    ("pod-volume-two-sources", "pod", [("spec.volumes", [{"name": "data", "emptyDir": {}, "hostPath": {"path": "/tmp"}}])], "upstream:validateVolumeSource", "spec.volumes[0].emptyDir", "may not specify more than 1 volume type"),
    ("pod-duplicate-volume", "pod", [("spec.volumes", [{"name": "data", "emptyDir": {}}, {"name": "data", "emptyDir": {}}])], "upstream:ValidateVolumes", "spec.volumes[1].name", 'Duplicate value: "data"'),
    ("pod-node-selector-bad", "pod", [("spec.nodeSelector", {"disk": "fast ssd"})], "upstream:ValidatePodSpec(ValidateLabels nodeSelector)", "spec.nodeSelector[disk]", "a valid label must be an empty string"),
    ("pod-bad-resource-name", "pod", [(POD_C + ".resources", {"requests": {"mem": "64Mi"}})], "upstream:validateContainerResourceName", "spec.containers[0].resources.requests[mem]", "must be a standard resource for containers"),
    ("pod-negative-cpu", "pod", [(POD_C + ".resources", {"requests": {"cpu": "-1"}})], "upstream:ValidateResourceQuantityValue", "spec.containers[0].resources.requests[cpu]", "must be greater than or equal to 0"),
    ("pod-unknown-container-field", "pod", [(POD_C + ".imagePullpolicy", "Always")], "schema", "spec.containers[0].imagePullpolicy", 'unknown field "imagePullpolicy"'),
    ("pod-command-string", "pod", [(POD_C + ".command", "sleep 3600")], "schema", "spec.containers[0].command", "invalid type"),
    ("pod-missing-name", "pod", [("metadata", {"labels": {"app": "web"}})], "upstream:ValidateObjectMeta", "metadata.name", "name or generateName is required"),
    ("pod-probe-port-zero", "pod", [(POD_C + ".readinessProbe", {"tcpSocket": {"port": 0}})], "upstream:ValidatePortNumOrName", "spec.containers[0].readinessProbe.tcpSocket.port", "must be between 1 and 65535"),
    ("job-restart-always", "job", [("spec.template.spec.restartPolicy", "Always")], "upstream:validateJobSpec", "spec.template.spec.restartPolicy", 'supported values: "OnFailure", "Never"'),
    ("job-restart-missing", "job", [("spec.template.spec.restartPolicy", DELETE)], "upstream:validateJobSpec (after SetDefaults_PodSpec)", "spec.template.spec.restartPolicy", 'Unsupported value: "Always"'),
    ("job-negative-backoff", "job", [("spec.backoffLimit", -1)], "upstream:validateJobSpec", "spec.backoffLimit", "must be greater than or equal to 0"),
    ("job-backoff-string", "job", [("spec.backoffLimit", "4")], "schema", "spec.backoffLimit", "invalid type"),
    ("cronjob-bad-schedule", "cronjob", [("spec.schedule", "every 5 minutes")], "upstream:validateScheduleFormat (robfig/cron ParseStandard)", "spec.schedule", "expected exactly 5 fields, found 3"),
    ("cronjob-minute-61", "cronjob", [("spec.schedule", "61 * * * *")], "upstream:validateScheduleFormat (robfig/cron ParseStandard)", "spec.schedule", "end of range (61) above maximum (59)"),
    ("cronjob-bad-descriptor", "cronjob", [("spec.schedule", "@fortnightly")], "upstream:validateScheduleFormat (robfig/cron ParseStandard)", "spec.schedule", "unrecognized descriptor: @fortnightly"),
    ("cronjob-tz-in-schedule", "cronjob", [("spec.schedule", "CRON_TZ=UTC 0 * * * *")], "upstream:validateScheduleFormat", "spec.schedule", "cannot use TZ or CRON_TZ in schedule"),
    ("cronjob-bad-concurrency", "cronjob", [("spec.concurrencyPolicy", "Skip")], "upstream:validateConcurrencyPolicy", "spec.concurrencyPolicy", 'Unsupported value: "Skip"'),
    ("cronjob-missing-schedule", "cronjob", [("spec.schedule", DELETE)], "schema", "spec.schedule", "Required value"),
    ("cronjob-name-too-long", "cronjob", [("metadata.name", "a" * 53)], "upstream:ValidateCronJobCreate", "metadata.name", "must be no more than 52 characters"),
    ("cronjob-bad-timezone", "cronjob", [("spec.timeZone", "Mars/Olympus_Mons")], "upstream:validateTimeZone", "spec.timeZone", "unknown time zone"),
    ("service-port-string", "service", [("spec.ports.0.port", "80")], "schema", "spec.ports[0].port", "invalid type"),
    ("service-bad-type", "service", [("spec.type", "Internal")], "upstream:ValidateService", "spec.type", 'Unsupported value: "Internal"'),
    ("service-no-ports", "service", [("spec.ports", DELETE)], "upstream:ValidateService", "spec.ports", "Required value"),
    ("service-unnamed-ports", "service", [("spec.ports", [{"port": 80}, {"port": 443}])], "upstream:validateServicePort", "spec.ports[0].name", "Required value"),
    ("service-nodeport-on-clusterip", "service", [("spec.ports.0.nodePort", 30080)], "upstream:ValidateService", "spec.ports[0].nodePort", "may not be used when `type` is 'ClusterIP'"),
    ("service-bad-name", "service", [("metadata.name", "1web")], "upstream:ValidateServiceName (NameIsDNS1035Label)", "metadata.name", "a DNS-1035 label"),
    ("service-targetport-too-big", "service", [("spec.ports.0.targetPort", 99999)], "upstream:validateServicePort", "spec.ports[0].targetPort", "must be between 1 and 65535"),
    ("service-selector-typo-field", "service", [("spec.selectors", {"app": "web"}), ("spec.selector", DELETE)], "schema", "spec.selectors", 'unknown field "selectors"'),
    ("service-nodeport-out-of-range", "service-nodeport", [("spec.ports.0.nodePort", 8080)], "upstream:portallocator (default --service-node-port-range)", "spec.ports[0].nodePort", "The range of valid ports is 30000-32767"),
    ("ingress-missing-pathtype", "ingress", [("spec.rules.0.http.paths.0.pathType", DELETE)], "schema", "spec.rules[0].http.paths[0].pathType", "Required value"),
    ("ingress-bad-pathtype", "ingress", [("spec.rules.0.http.paths.0.pathType", "Regex")], "upstream:validateHTTPIngressPath", "spec.rules[0].http.paths[0].pathType", 'Unsupported value: "Regex"'),
    ("ingress-relative-path", "ingress", [("spec.rules.0.http.paths.0.path", "api")], "upstream:validateHTTPIngressPath", "spec.rules[0].http.paths[0].path", "must be an absolute path"),
    ("ingress-v1beta1-backend", "ingress", [("spec.rules.0.http.paths.0.backend", {"serviceName": "web", "servicePort": 80})], "schema", "spec.rules[0].http.paths[0].backend.serviceName", 'unknown field "serviceName"'),
    ("ingress-no-port", "ingress", [("spec.rules.0.http.paths.0.backend.service.port", {})], "upstream:validateIngressBackend", "spec.rules[0].http.paths[0].backend.service.port", "port name or number is required"),
    ("ingress-ip-host", "ingress", [("spec.rules.0.host", "10.0.0.1")], "upstream:validateIngressRules", "spec.rules[0].host", "must be a DNS name, not an IP address"),
    ("ingress-empty-spec", "ingress", [("spec", {"ingressClassName": "nginx"})], "upstream:ValidateIngressSpec", "spec", "either `defaultBackend` or `rules` must be specified"),
    ("hpa-min-above-max", "hpa", [("spec.minReplicas", 12)], "upstream:ValidateHorizontalPodAutoscalerSpec", "spec.maxReplicas", "must be greater than or equal to `minReplicas`"),
    ("hpa-min-zero", "hpa", [("spec.minReplicas", 0)], "upstream:ValidateHorizontalPodAutoscalerSpec", "spec.minReplicas", "must be greater than or equal to 1"),
    ("hpa-missing-max", "hpa", [("spec.maxReplicas", DELETE)], "schema", "spec.maxReplicas", "Required value"),
    ("hpa-v1-min-above-max", "hpa-v1", [("spec.minReplicas", 9)], "upstream:ValidateHorizontalPodAutoscalerSpec", "spec.maxReplicas", "must be greater than or equal to `minReplicas`"),
    ("pvc-no-access-modes", "pvc", [("spec.accessModes", [])], "upstream:ValidatePersistentVolumeClaimSpec", "spec.accessModes", "at least 1 access mode is required"),
    ("pvc-bad-access-mode", "pvc", [("spec.accessModes", ["ReadWriteAll"])], "upstream:ValidatePersistentVolumeClaimSpec", "spec.accessModes", 'Unsupported value: "ReadWriteAll"'),
    ("pvc-no-storage", "pvc", [("spec.resources", {})], "upstream:ValidatePersistentVolumeClaimSpec", "spec.resources[storage]", "Required value"),
    ("pvc-zero-storage", "pvc", [("spec.resources.requests.storage", "0")], "upstream:ValidatePersistentVolumeClaimSpec", "spec.resources.requests[storage]", "must be greater than zero"),
    ("pv-bad-reclaim", "pv", [("spec.persistentVolumeReclaimPolicy", "Keep")], "upstream:ValidatePersistentVolumeSpec", "spec.persistentVolumeReclaimPolicy", 'Unsupported value: "Keep"'),
    ("pdb-both-set", "pdb", [("spec.maxUnavailable", 1)], "upstream:ValidatePodDisruptionBudgetSpec", "spec", "minAvailable and maxUnavailable cannot be both set"),
    ("priorityclass-too-high", "priorityclass", [("value", 2000000000)], "upstream:ValidatePriorityClass", "value", "maximum allowed value of a user defined priority is 1000000000"),
    ("priorityclass-system-name", "priorityclass", [("metadata.name", "system-important")], "upstream:ValidatePriorityClass", "metadata.name", "priority class names with 'system-' prefix are reserved"),
    ("role-missing-verbs", "role", [("rules.0.verbs", [])], "upstream:ValidatePolicyRule", "rules[0].verbs", "verbs must contain at least one value"),
    ("role-missing-apigroups", "role", [("rules.0.apiGroups", DELETE)], "upstream:ValidatePolicyRule", "rules[0].apiGroups", "resource rules must supply at least one api group"),
    ("rolebinding-bad-roleref-kind", "rolebinding", [("roleRef.kind", "Roles")], "upstream:ValidateRoleBinding", "roleRef.kind", 'Unsupported value: "Roles"'),
    ("rolebinding-bad-apigroup", "rolebinding", [("roleRef.apiGroup", "rbac")], "upstream:ValidateRoleBinding", "roleRef.apiGroup", 'Unsupported value: "rbac"'),
    ("clusterrolebinding-role-ref", "clusterrolebinding", [("roleRef.kind", "Role")], "upstream:ValidateClusterRoleBinding", "roleRef.kind", 'supported values: "ClusterRole"'),
    ("clusterrolebinding-sa-no-namespace", "clusterrolebinding", [("subjects.0.namespace", DELETE)], "upstream:ValidateRoleBindingSubject", "subjects[0].namespace", "Required value"),
    ("configmap-bad-key", "configmap", [("data", {"app config": "x"})], "upstream:ValidateConfigMap(IsConfigMapKey)", "data[app config]", "a valid config key must consist of"),
    ("configmap-data-number", "configmap", [("data.REPLICAS", 3)], "schema", "data[REPLICAS]", "invalid type"),
    ("secret-bad-base64", "secret", [("data.password", "not base64!")], "upstream:encoding/base64 ([]byte field)", "data[password]", "illegal base64 data at input byte"),
    ("secret-tls-missing-key", "secret", [("type", "kubernetes.io/tls"), ("data", {"tls.crt": "Y2VydA=="}), ("stringData", DELETE)], "upstream:ValidateSecret", "data[tls.key]", "Required value"),
    ("namespace-bad-name", "namespace", [("metadata.name", "team.a")], "upstream:ValidateNamespaceName (NameIsDNSLabel)", "metadata.name", "a lowercase RFC 1123 label"),
    ("networkpolicy-bad-policytype", "networkpolicy", [("spec.policyTypes", ["Inbound"])], "upstream:ValidateNetworkPolicySpec", "spec.policyTypes", 'Unsupported value: "Inbound"'),
    ("networkpolicy-bad-operator", "networkpolicy", [("spec.podSelector", {"matchExpressions": [{"key": "app", "operator": "Equals", "values": ["db"]}]})], "upstream:ValidateLabelSelector", "spec.podSelector.matchExpressions[0].operator", "not a valid selector operator"),
    ("networkpolicy-in-without-values", "networkpolicy", [("spec.podSelector", {"matchExpressions": [{"key": "app", "operator": "In"}]})], "upstream:ValidateLabelSelectorRequirement", "spec.podSelector.matchExpressions[0].values", "must be specified when `operator` is 'In' or 'NotIn'"),
    ("storageclass-bad-binding-mode", "storageclass", [("volumeBindingMode", "Lazy")], "upstream:ValidateStorageClass", "volumeBindingMode", 'Unsupported value: "Lazy"'),
    ("statefulset-selector-mismatch", "statefulset", [("spec.template.metadata.labels", {"app": "database"})], "upstream:ValidateStatefulSetSpec", "spec.template.metadata.labels", "`selector` does not match template `labels`"),
    ("statefulset-bad-policy", "statefulset", [("spec.podManagementPolicy", "Random")], "upstream:ValidateStatefulSetSpec", "spec.podManagementPolicy", 'Unsupported value: "Random"'),
    ("daemonset-restart-never", "daemonset", [("spec.template.spec.restartPolicy", "Never")], "upstream:ValidateDaemonSetSpec", "spec.template.spec.restartPolicy", 'supported values: "Always"'),
    ("daemonset-empty-selector", "daemonset", [("spec.selector", {"matchLabels": {}})], "upstream:ValidateDaemonSetSpec", "spec.selector", "empty selector is invalid for daemonset"),
    ("replicaset-selector-mismatch", "replicaset", [("spec.selector.matchLabels.app", "api")], "upstream:ValidatePodTemplateSpecForReplicaSet", "spec.template.metadata.labels", "`selector` does not match template `labels`"),
    ("limitrange-bad-type", "limitrange", [("spec.limits.0.type", "Namespace")], "upstream:ValidateLimitRange", "spec.limits[0].type", 'Unsupported value: "Namespace"'),
    ("resourcequota-bad-quantity", "resourcequota", [("spec.hard.pods", "twenty")], "upstream:resource.ParseQuantity", "spec.hard[pods]", "quantities must match the regular expression"),
    ("removed-extensions-deployment", "deployment", [("apiVersion", "extensions/v1beta1")], "schema", "apiVersion", "use apiVersion: apps/v1"),
    ("removed-batch-v1beta1-cronjob", "cronjob", [("apiVersion", "batch/v1beta1")], "schema", "apiVersion", "use apiVersion: batch/v1"),
    ("removed-networking-v1beta1-ingress", "ingress", [("apiVersion", "networking.k8s.io/v1beta1")], "schema", "apiVersion", "use apiVersion: networking.k8s.io/v1"),
    ("removed-policy-v1beta1-pdb", "pdb", [("apiVersion", "policy/v1beta1")], "schema", "apiVersion", "use apiVersion: policy/v1"),
    ("wrong-group-deployment", "deployment", [("apiVersion", "v1")], "schema", "apiVersion", "Deployment is served as apiVersion: apps/v1"),
    ("kind-typo", "deployment", [("kind", "Deploymnet")], "schema", "apiVersion", 'did you mean "Deployment"'),
]

# Raw texts: YAML-level mistakes and go-yaml v2 behaviours. (name, text, category, valid, path, message)
RAW = [
    ("yaml-bad-indent", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n spec:\n  containers: []\n", "yaml", False, "", "YAML syntax error"),
    ("yaml-tab-indent", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: cfg\n", "yaml", False, "", "YAML syntax error"),
    ("yaml-duplicate-key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n  a: \"2\"\n", "yaml: yaml.v2 UnmarshalStrict (strict field validation)", False, "", 'key "a" already set in map'),
    ("yaml-yes-label-value", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    enabled: yes\n", "schema", False, "metadata.labels[enabled]", "invalid type"),
    ("yaml-quoted-yes-label", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    enabled: \"yes\"\n", "schema", True, "", ""),
    ("yaml-octal-mode", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    volumeMounts:\n    - name: cfg\n      mountPath: /etc/cfg\n  volumes:\n  - name: cfg\n    configMap:\n      name: cfg\n      defaultMode: 0644\n", "schema", True, "", ""),
    ("yaml-json-document", '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "from-json"}}\n', "schema", True, "", ""),
    ("yaml-multi-document", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: two\n---\n", "schema", True, "", ""),
    ("yaml-anchor-reuse", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: &labels\n    app: web\nspec:\n  selector:\n    matchLabels: *labels\n  template:\n    metadata:\n      labels: *labels\n    spec:\n      containers:\n      - name: web\n        image: nginx\n", "schema", True, "", ""),
    ("yaml-missing-kind", "apiVersion: v1\nmetadata:\n  name: web\n", "schema", False, "kind", "kind not set"),
    ("yaml-float-cpu", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    resources:\n      requests:\n        cpu: 0.5\n        memory: 64Mi\n", "schema", True, "", ""),
]

def reference_verdict(text):
    docs = [d for d in yaml.safe_load_all(text) if d is not None]
    messages = []
    for doc in docs:
        try:
            kv_validate(doc, VERSION, strict=True)
        except kubernetes_validate.utils.SchemaNotFoundError as e:
            messages.append(e.message)
        except kubernetes_validate.utils.ValidationError as e:
            messages.append("%s: %s" % (".".join(str(p) for p in e.path), e.message))
        except Exception as e:  # noqa: BLE001 - any refusal is a verdict
            messages.append("%s: %s" % (type(e).__name__, e))
    return (len(messages) == 0, "; ".join(messages)[:300])

def main():
    os.makedirs(OUT, exist_ok=True)
    expectations = []
    problems = []
    def record(name, text, category, valid, path, message):
        with open(os.path.join(OUT, name + ".yaml"), "w") as f:
            f.write(text)
        try:
            ref_valid, ref_message = reference_verdict(text)
        except yaml.YAMLError as e:
            ref_valid, ref_message = False, "YAML: " + str(e).splitlines()[0]
        if category == "schema" and ref_valid != valid:
            problems.append("%s: reference says %s, case expects %s (%s)" % (name, ref_valid, valid, ref_message))
        if category.startswith("upstream") and not ref_valid:
            problems.append("%s: reference already rejects it (%s); mark it schema" % (name, ref_message))
        expectations.append({"file": name + ".yaml", "valid": valid, "source": category, "path": path, "message": message,
                             "reference": {"tool": "kubernetes-validate %s -k %s --strict" % (kubernetes_validate.__version__, VERSION),
                                           "valid": ref_valid, "message": ref_message}})
    for name, base in BASES.items():
        record("valid-" + name, yaml.safe_dump(base, sort_keys=False), "schema", True, "", "")
    for name, base, changes, category, path, message in MUTATIONS:
        doc = copy.deepcopy(BASES[base])
        for change_path, value in changes:
            setp(doc, change_path, value)
        record(name, yaml.safe_dump(doc, sort_keys=False), category, False, path, message)
    for name, text, category, valid, path, message in RAW:
        record(name, text, category, valid, path, message)
    for name in sorted(os.listdir(OUT)):
        if name.startswith("kubectl-") and name.endswith(".yaml"):
            text = open(os.path.join(OUT, name)).read()
            ref_valid, ref_message = reference_verdict(text)
            expectations.append({"file": name, "valid": True, "source": "kubectl generator", "path": "", "message": "",
                                 "reference": {"tool": "kubernetes-validate %s -k %s --strict" % (kubernetes_validate.__version__, VERSION),
                                               "valid": ref_valid, "message": ref_message}})
    with open(os.path.join(OUT, "expectations.json"), "w") as f:
        json.dump(expectations, f, indent=1, sort_keys=True)
        f.write("\n")
    print(len(expectations), "cases")
    for p in problems:
        print("MISMATCH", p)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
