import KubeModel

/// Create or update, as admission plugins see the request.
public enum AdmissionOperation {
    case create
    case update(old: KubeObject)

    var isCreate: Bool { if case .create = self { return true } else { return false } }
}

/// One admission step in front of the store (upstream: k8s.io/apiserver/pkg/admission `Interface`):
/// mutating plugins edit `object`, validating ones throw the `APIError` the API server returns.
public protocol AdmissionPlugin {
    var name: String { get }
    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws
}

/// The plugins in the API server's order (kube-apiserver `--enable-admission-plugins` defaults,
/// pkg/kubeapiserver/options/plugins.go `AllOrderedPlugins`): defaulting (done at decode upstream)
/// first, ResourceQuota last so it counts what the others produced.
public enum AdmissionChain {
    public static var standard: [any AdmissionPlugin] {
        [Defaulting(), AutoscalingDefaulting(), NamespaceDefaults(), NamespaceLifecycle(), LimitRanger(), ServiceAccountAdmission(), PriorityAdmission(),
         DefaultTolerationSeconds(), VolumeDefaults(), DefaultStorageClass(), StorageObjectInUseProtection(), ResourceQuotaAdmission()]
    }

    /// `pods "web" is forbidden: <reason>`: upstream's `admission.NewForbidden`.
    static func forbidden(_ object: KubeObject, _ reason: String) -> APIError {
        APIError(reason: "Forbidden", message: "\(ResourceName.forKind(object.kind).qualified) \"\(object.meta.name ?? "")\" is forbidden: \(reason)")
    }
}

/// Sets `serviceAccountName` to `default` and rejects a pod whose service account is missing
/// (plugin/pkg/admission/serviceaccount/admission.go: "error looking up service account …").
struct ServiceAccountAdmission: AdmissionPlugin {
    let name = "ServiceAccount"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate else { return }
        let account = object.editPodSpec { spec -> String in
            let account = spec.serviceAccountName ?? spec.serviceAccount ?? "default"
            spec.serviceAccountName = account
            spec.serviceAccount = account
            return account
        }
        guard let account else { return }
        let namespace = object.withMetadata { $0.namespace ?? "default" }
        guard store.get(ObjectKey(kind: "ServiceAccount", namespace: namespace, name: account)) != nil else {
            throw AdmissionChain.forbidden(object, "error looking up service account \(namespace)/\(account): serviceaccount \"\(account)\" not found")
        }
    }
}

/// Adds tolerations for `not-ready` and `unreachable` NoExecute taints with
/// `tolerationSeconds: 300` unless the pod has its own (plugin/pkg/admission/defaulttolerationseconds).
struct DefaultTolerationSeconds: AdmissionPlugin {
    let name = "DefaultTolerationSeconds"
    static let seconds: Int64 = 300
    /// What a pod gets for each key it does not tolerate yet: `NoExecute` for 300 s.
    static let defaults: [Toleration] = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].map { key in
        var toleration = Toleration()
        toleration.key = key
        toleration.operator = "Exists"
        toleration.effect = "NoExecute"
        toleration.tolerationSeconds = seconds
        return toleration
    }

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate else { return }
        object.editPodSpec { spec in
            // Most pods tolerate nothing: they all get the same two, one shared list.
            if (spec.tolerations ?? []).isEmpty {
                spec.tolerations = Self.defaults
                return
            }
            for added in Self.defaults {
                let handled = spec.tolerations!.contains { toleration in
                    (toleration.key == added.key || (toleration.key ?? "").isEmpty && toleration.operator == "Exists")
                        && (toleration.effect == nil || toleration.effect == "NoExecute" || toleration.effect == "")
                }
                if !handled { spec.tolerations!.append(added) }
            }
        }
    }
}
