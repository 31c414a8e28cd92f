import Foundation
import KubeModel

/// Builds a container's environment from `env` and `envFrom` as the kubelet does
/// (pkg/kubelet/kubelet_pods.go `makeEnvironmentVariables`), failing with upstream's messages when
/// a referenced ConfigMap, Secret or key is missing and not optional; the kubelet then reports
/// `CreateContainerConfigError`.
enum ConfigResolver {
    /// What every container sees (the `kubernetes` Service's address), with room for HOSTNAME.
    private static let clusterEnvironment: [String: String] = {
        var environment = Dictionary<String, String>(minimumCapacity: 4)
        environment["KUBERNETES_SERVICE_HOST"] = "10.96.0.1"
        environment["KUBERNETES_SERVICE_PORT"] = "443"
        return environment
    }()

    static func environment(for container: Container, pod: Pod, in store: Store) -> Result<[String: String], ConfigError> {
        let namespace = pod.metadata.namespace ?? "default"
        var environment = Self.clusterEnvironment  // a copy of a made table, not three keys hashed anew
        environment["HOSTNAME"] = pod.metadata.name ?? ""
        for source in container.envFrom ?? [] {
            if let reference = source.configMapRef {
                guard let data = configMap(reference.name ?? "", namespace, store) else {
                    if reference.optional == true { continue }
                    return .failure(ConfigError("configmap \"\(reference.name ?? "")\" not found"))
                }
                for (key, value) in data { environment[(source.prefix ?? "") + key] = value }
            }
            if let reference = source.secretRef {
                guard let data = secret(reference.name ?? "", namespace, store) else {
                    if reference.optional == true { continue }
                    return .failure(ConfigError("secret \"\(reference.name ?? "")\" not found"))
                }
                for (key, value) in data { environment[(source.prefix ?? "") + key] = value }
            }
        }
        for variable in container.env ?? [] {
            if let value = variable.value {
                environment[variable.name] = expand(value, environment)
            } else if let reference = variable.valueFrom?.configMapKeyRef {
                guard let data = configMap(reference.name ?? "", namespace, store) else {
                    if reference.optional == true { continue }
                    return .failure(ConfigError("configmap \"\(reference.name ?? "")\" not found"))
                }
                guard let value = data[reference.key] else {
                    if reference.optional == true { continue }
                    return .failure(ConfigError("couldn't find key \(reference.key) in ConfigMap \(namespace)/\(reference.name ?? "")"))
                }
                environment[variable.name] = value
            } else if let reference = variable.valueFrom?.secretKeyRef {
                guard let data = secret(reference.name ?? "", namespace, store) else {
                    if reference.optional == true { continue }
                    return .failure(ConfigError("secret \"\(reference.name ?? "")\" not found"))
                }
                guard let value = data[reference.key] else {
                    if reference.optional == true { continue }
                    return .failure(ConfigError("couldn't find key \(reference.key) in Secret \(namespace)/\(reference.name ?? "")"))
                }
                environment[variable.name] = value
            } else if let field = variable.valueFrom?.fieldRef {
                let values = ["metadata.name": pod.metadata.name, "metadata.namespace": namespace, "metadata.uid": pod.metadata.uid,
                              "spec.nodeName": pod.spec?.nodeName, "spec.serviceAccountName": pod.spec?.serviceAccountName,
                              "status.podIP": pod.status?.podIP, "status.hostIP": pod.status?.hostIP]
                environment[variable.name] = (values[field.fieldPath] ?? nil) ?? metadataEntry(field.fieldPath, of: pod) ?? ""
            }
        }
        return .success(environment)
    }

    /// `metadata.labels['key']` and `metadata.annotations['key']` (the downward API's subscripts;
    /// an Indexed Job's `JOB_COMPLETION_INDEX` reads its pod's completion-index annotation).
    static func metadataEntry(_ path: String, of pod: Pod) -> String? {
        for (prefix, values) in [("metadata.labels['", pod.metadata.labels), ("metadata.annotations['", pod.metadata.annotations)]
        where path.hasPrefix(prefix) && path.hasSuffix("']") {
            return values?[String(path.dropFirst(prefix.count).dropLast(2))]
        }
        return nil
    }

    /// `$(VAR)` references in values, as the kubelet expands them (third_party/forked/golang/expansion).
    static func expand(_ text: String, _ environment: [String: String]) -> String {
        guard text.contains("$(") else { return text }  // most words reference nothing
        var result = text
        for (name, value) in environment { result = result.replacingOccurrences(of: "$(\(name))", with: value) }
        return result
    }

    /// A missing ConfigMap or Secret volume: the pod stays ContainerCreating with `FailedMount`
    /// (`MountVolume.SetUp failed for volume "config" : configmap "app-config" not found`).
    static func missingVolume(of pod: Pod, in store: Store) -> String? {
        let namespace = pod.metadata.namespace ?? "default"
        for volume in pod.spec?.volumes ?? [] {
            if let source = volume.configMap, source.optional != true, configMap(source.name ?? "", namespace, store) == nil {
                return "MountVolume.SetUp failed for volume \"\(volume.name)\" : configmap \"\(source.name ?? "")\" not found"
            }
            if let source = volume.secret, source.optional != true, secret(source.secretName ?? "", namespace, store) == nil {
                return "MountVolume.SetUp failed for volume \"\(volume.name)\" : secret \"\(source.secretName ?? "")\" not found"
            }
        }
        return nil
    }

    static func configMap(_ name: String, _ namespace: String, _ store: Store) -> [String: String]? {
        guard case .configMap(let map)? = store.get(ObjectKey(kind: "ConfigMap", namespace: namespace, name: name)) else { return nil }
        return map.data ?? [:]
    }

    /// Secret values, base64-decoded (`stringData` is merged into `data` by the API server).
    static func secret(_ name: String, _ namespace: String, _ store: Store) -> [String: String]? {
        guard case .secret(let secret)? = store.get(ObjectKey(kind: "Secret", namespace: namespace, name: name)) else { return nil }
        var values: [String: String] = [:]
        for (key, encoded) in secret.data ?? [:] {
            values[key] = Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? encoded
        }
        for (key, value) in secret.stringData ?? [:] { values[key] = value }
        return values
    }

    /// Whether the pod (or its service account) has a `kubernetes.io/dockerconfigjson` pull secret
    /// with an `auths` entry for `registry` (pkg/credentialprovider keyring lookup).
    static func hasPullCredentials(for registry: String, pod: Pod, in store: Store) -> Bool {
        let namespace = pod.metadata.namespace ?? "default"
        var names = (pod.spec?.imagePullSecrets ?? []).compactMap(\.name)
        if case .serviceAccount(let account)? = store.get(ObjectKey(kind: "ServiceAccount", namespace: namespace, name: pod.spec?.serviceAccountName ?? "default")) {
            names += (account.imagePullSecrets ?? []).compactMap(\.name)
        }
        for name in names {
            guard case .secret(let secret)? = store.get(ObjectKey(kind: "Secret", namespace: namespace, name: name)),
                  secret.type == "kubernetes.io/dockerconfigjson",
                  let config = self.secret(name, namespace, store)?[".dockerconfigjson"],
                  let json = try? JSONDecoder().decode(JSONValue.self, from: Data(config.utf8)),
                  case .object(let root) = json, case .object(let auths)? = root["auths"] else { continue }
            if auths.keys.contains(where: { key in
                let host = key.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
                return host == registry || host.hasPrefix(registry + "/")
            }) { return true }
        }
        return false
    }
}

struct ConfigError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
