/// ConfigMap and Secret keys (`ValidateConfigMap`, `ValidateSecret`, `IsConfigMapKey`), ResourceQuota
/// and LimitRange (`ValidateResourceQuota`, `ValidateLimitRange`) in pkg/apis/core/validation, v1.33.0.
enum ConfigRules {
    /// `IsConfigMapKey`.
    static func keyErrors(_ key: String) -> [String] {
        var errors: [String] = []
        if key.utf8.count > 253 { errors.append("must be no more than 253 characters") }
        let valid = !key.isEmpty && key.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 46 || $0 == 95 }
        if !valid {
            errors.append("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
        }
        if key == "." || key == ".." { errors.append("must not be '\(key)'") }
        if key.hasPrefix("..") { errors.append("must not start with '..'") }
        return errors
    }

    static func checkKeys(_ keys: [String], _ path: String, _ context: inout RuleContext) {
        for key in keys.sorted() {
            for error in keyErrors(key) { context.invalid(FieldPath.key(path, key), key, error) }
        }
    }

    static func configMap(_ configMap: ConfigMap, _ context: inout RuleContext) {
        let data = Array((configMap.data ?? [:]).keys), binary = Array((configMap.binaryData ?? [:]).keys)
        checkKeys(data, "data", &context)
        checkKeys(binary, "binaryData", &context)
        for key in Set(data).intersection(binary).sorted() { context.invalid("data", key, "duplicate of key present in binaryData") }
    }

    static func secret(_ secret: Secret, _ context: inout RuleContext) {
        let data = Array((secret.data ?? [:]).keys) + Array((secret.stringData ?? [:]).keys)
        checkKeys(Array((secret.data ?? [:]).keys), "data", &context)
        checkKeys(Array((secret.stringData ?? [:]).keys), "stringData", &context)
        let present = Set(data)
        func requireKey(_ key: String) {
            if !present.contains(key) { context.required(FieldPath.key("data", key)) }
        }
        switch secret.type ?? "" {
        case "kubernetes.io/tls": requireKey("tls.crt"); requireKey("tls.key")
        case "kubernetes.io/dockerconfigjson": requireKey(".dockerconfigjson")
        case "kubernetes.io/dockercfg": requireKey(".dockercfg")
        case "kubernetes.io/basic-auth": break
        case "kubernetes.io/ssh-auth": requireKey("ssh-privatekey")
        case "kubernetes.io/service-account-token":
            if (secret.metadata.annotations?["kubernetes.io/service-account.name"] ?? "").isEmpty {
                context.required("metadata.annotations[kubernetes.io/service-account.name]")
            }
        default: break
        }
    }

    static func resourceQuota(_ spec: ResourceQuotaSpec, _ context: inout RuleContext) {
        for (name, quantity) in (spec.hard ?? [:]).sorted(by: { $0.key < $1.key }) {
            ResourceRules.checkQuantity(quantity, FieldPath.key("spec.hard", name), &context)
        }
        let scopes = ["BestEffort", "CrossNamespacePodAffinity", "NotBestEffort", "NotTerminating", "PriorityClass", "Terminating", "VolumeAttributesClass"]
        for scope in spec.scopes ?? [] where !scopes.contains(scope) { context.unsupported("spec.scopes", scope, scopes) }
    }

    static func limitRange(_ spec: LimitRangeSpec, _ context: inout RuleContext) {
        for (index, item) in spec.limits.enumerated() {
            let path = FieldPath.index("spec.limits", index)
            let types = ["Container", "PersistentVolumeClaim", "Pod"]
            if !types.contains(item.type) { context.unsupported(FieldPath.child(path, "type"), item.type, types) }
            for (name, minimum) in item.min ?? [:] {
                if let maximum = item.max?[name], minimum > maximum {
                    context.invalid(FieldPath.key(FieldPath.child(path, "min"), name), minimum.description,
                                    "min value \(minimum) is greater than max value \(maximum)")
                }
            }
            for (name, value) in item.default ?? [:] {
                if let maximum = item.max?[name], value > maximum {
                    context.invalid(FieldPath.key(FieldPath.child(path, "default"), name), value.description,
                                    "default value \(value) is greater than max value \(maximum)")
                }
            }
        }
    }
}
