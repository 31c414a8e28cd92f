/// What kubectl knows about its own words, as `KubectlCommand` needs it to tell equal commands
/// apart from different ones: resource types with their short names, subcommands with their
/// aliases, and which flags take values.
///
/// Sources, kubectl v1.33: resource names, short names and groups are `kubectl api-resources`
/// on a default cluster (discovery's `shortNames`); subcommands and aliases are the cobra
/// `Use`/`Aliases` of `staging/src/k8s.io/kubectl/pkg/cmd/...`; flag kinds follow the
/// `Flags().Bool…`/`String…` declarations there, and the three flags with an optional value
/// (`NoOptDefVal`) come from `cmd/util/helpers.go` (`AddDryRunFlag`, `AddValidateFlags`) and
/// `cmd/delete/delete_flags.go` (`--cascade`).
enum KubectlTables {
    /// One resource type as discovery describes it.
    struct ResourceType: Sendable {
        var plural: String
        var singular: String
        var shortNames: [String]
        /// API group; "" for the core group.
        var group: String
    }

    static let resourceTypes: [ResourceType] = [
        .init(plural: "bindings", singular: "binding", shortNames: [], group: ""),
        .init(plural: "componentstatuses", singular: "componentstatus", shortNames: ["cs"], group: ""),
        .init(plural: "configmaps", singular: "configmap", shortNames: ["cm"], group: ""),
        .init(plural: "endpoints", singular: "endpoints", shortNames: ["ep"], group: ""),
        .init(plural: "events", singular: "event", shortNames: ["ev"], group: ""),
        .init(plural: "limitranges", singular: "limitrange", shortNames: ["limits"], group: ""),
        .init(plural: "namespaces", singular: "namespace", shortNames: ["ns"], group: ""),
        .init(plural: "nodes", singular: "node", shortNames: ["no"], group: ""),
        .init(plural: "persistentvolumeclaims", singular: "persistentvolumeclaim", shortNames: ["pvc"], group: ""),
        .init(plural: "persistentvolumes", singular: "persistentvolume", shortNames: ["pv"], group: ""),
        .init(plural: "pods", singular: "pod", shortNames: ["po"], group: ""),
        .init(plural: "podtemplates", singular: "podtemplate", shortNames: [], group: ""),
        .init(plural: "replicationcontrollers", singular: "replicationcontroller", shortNames: ["rc"], group: ""),
        .init(plural: "resourcequotas", singular: "resourcequota", shortNames: ["quota"], group: ""),
        .init(plural: "secrets", singular: "secret", shortNames: [], group: ""),
        .init(plural: "serviceaccounts", singular: "serviceaccount", shortNames: ["sa"], group: ""),
        .init(plural: "services", singular: "service", shortNames: ["svc"], group: ""),
        .init(plural: "mutatingwebhookconfigurations", singular: "mutatingwebhookconfiguration", shortNames: [], group: "admissionregistration.k8s.io"),
        .init(plural: "validatingadmissionpolicies", singular: "validatingadmissionpolicy", shortNames: [], group: "admissionregistration.k8s.io"),
        .init(plural: "validatingadmissionpolicybindings", singular: "validatingadmissionpolicybinding", shortNames: [], group: "admissionregistration.k8s.io"),
        .init(plural: "validatingwebhookconfigurations", singular: "validatingwebhookconfiguration", shortNames: [], group: "admissionregistration.k8s.io"),
        .init(plural: "customresourcedefinitions", singular: "customresourcedefinition", shortNames: ["crd", "crds"], group: "apiextensions.k8s.io"),
        .init(plural: "apiservices", singular: "apiservice", shortNames: [], group: "apiregistration.k8s.io"),
        .init(plural: "controllerrevisions", singular: "controllerrevision", shortNames: [], group: "apps"),
        .init(plural: "daemonsets", singular: "daemonset", shortNames: ["ds"], group: "apps"),
        .init(plural: "deployments", singular: "deployment", shortNames: ["deploy"], group: "apps"),
        .init(plural: "replicasets", singular: "replicaset", shortNames: ["rs"], group: "apps"),
        .init(plural: "statefulsets", singular: "statefulset", shortNames: ["sts"], group: "apps"),
        .init(plural: "selfsubjectreviews", singular: "selfsubjectreview", shortNames: [], group: "authentication.k8s.io"),
        .init(plural: "tokenreviews", singular: "tokenreview", shortNames: [], group: "authentication.k8s.io"),
        .init(plural: "localsubjectaccessreviews", singular: "localsubjectaccessreview", shortNames: [], group: "authorization.k8s.io"),
        .init(plural: "selfsubjectaccessreviews", singular: "selfsubjectaccessreview", shortNames: [], group: "authorization.k8s.io"),
        .init(plural: "selfsubjectrulesreviews", singular: "selfsubjectrulesreview", shortNames: [], group: "authorization.k8s.io"),
        .init(plural: "subjectaccessreviews", singular: "subjectaccessreview", shortNames: [], group: "authorization.k8s.io"),
        .init(plural: "horizontalpodautoscalers", singular: "horizontalpodautoscaler", shortNames: ["hpa"], group: "autoscaling"),
        .init(plural: "cronjobs", singular: "cronjob", shortNames: ["cj"], group: "batch"),
        .init(plural: "jobs", singular: "job", shortNames: [], group: "batch"),
        .init(plural: "certificatesigningrequests", singular: "certificatesigningrequest", shortNames: ["csr"], group: "certificates.k8s.io"),
        .init(plural: "leases", singular: "lease", shortNames: [], group: "coordination.k8s.io"),
        .init(plural: "endpointslices", singular: "endpointslice", shortNames: [], group: "discovery.k8s.io"),
        .init(plural: "flowschemas", singular: "flowschema", shortNames: [], group: "flowcontrol.apiserver.k8s.io"),
        .init(plural: "prioritylevelconfigurations", singular: "prioritylevelconfiguration", shortNames: [], group: "flowcontrol.apiserver.k8s.io"),
        .init(plural: "ingressclasses", singular: "ingressclass", shortNames: [], group: "networking.k8s.io"),
        .init(plural: "ingresses", singular: "ingress", shortNames: ["ing"], group: "networking.k8s.io"),
        .init(plural: "ipaddresses", singular: "ipaddress", shortNames: ["ip"], group: "networking.k8s.io"),
        .init(plural: "networkpolicies", singular: "networkpolicy", shortNames: ["netpol"], group: "networking.k8s.io"),
        .init(plural: "servicecidrs", singular: "servicecidr", shortNames: [], group: "networking.k8s.io"),
        .init(plural: "runtimeclasses", singular: "runtimeclass", shortNames: [], group: "node.k8s.io"),
        .init(plural: "poddisruptionbudgets", singular: "poddisruptionbudget", shortNames: ["pdb"], group: "policy"),
        .init(plural: "clusterrolebindings", singular: "clusterrolebinding", shortNames: [], group: "rbac.authorization.k8s.io"),
        .init(plural: "clusterroles", singular: "clusterrole", shortNames: [], group: "rbac.authorization.k8s.io"),
        .init(plural: "rolebindings", singular: "rolebinding", shortNames: [], group: "rbac.authorization.k8s.io"),
        .init(plural: "roles", singular: "role", shortNames: [], group: "rbac.authorization.k8s.io"),
        .init(plural: "priorityclasses", singular: "priorityclass", shortNames: ["pc"], group: "scheduling.k8s.io"),
        .init(plural: "csidrivers", singular: "csidriver", shortNames: [], group: "storage.k8s.io"),
        .init(plural: "csinodes", singular: "csinode", shortNames: [], group: "storage.k8s.io"),
        .init(plural: "csistoragecapacities", singular: "csistoragecapacity", shortNames: [], group: "storage.k8s.io"),
        .init(plural: "storageclasses", singular: "storageclass", shortNames: ["sc"], group: "storage.k8s.io"),
        .init(plural: "volumeattachments", singular: "volumeattachment", shortNames: [], group: "storage.k8s.io"),
    ]

    /// Every spelling kubectl resolves to a type (plural, singular, short name), lower-cased.
    static let typesBySpelling: [String: ResourceType] = {
        var table: [String: ResourceType] = [:]
        for type in resourceTypes {
            for spelling in [type.plural, type.singular] + type.shortNames where table[spelling] == nil {
                table[spelling] = type
            }
        }
        return table
    }()

    /// Top-level commands of kubectl v1.33 (`kubectl --help`).
    static let verbs: Set<String> = [
        "create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale", "autoscale",
        "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint", "describe", "logs",
        "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply", "patch",
        "replace", "wait", "kustomize", "label", "annotate", "completion", "alpha", "api-resources",
        "api-versions", "config", "plugin", "version", "options", "help",
    ]

    /// A subcommand: its name, its cobra aliases, and its own subcommands (`create service nodeport`).
    struct Subcommand: Sendable {
        var name: String
        var aliases: [String] = []
        var children: [Subcommand] = []
    }

    /// Subcommands by top-level verb; `optional` when the parent also runs on its own
    /// (`create -f`, `apply -f`, `cluster-info`).
    static let subcommands: [String: (optional: Bool, children: [Subcommand])] = [
        "create": (true, [
            .init(name: "clusterrole"), .init(name: "clusterrolebinding"), .init(name: "configmap", aliases: ["cm"]),
            .init(name: "cronjob", aliases: ["cj"]), .init(name: "deployment", aliases: ["deploy"]),
            .init(name: "ingress", aliases: ["ing"]), .init(name: "job"), .init(name: "namespace", aliases: ["ns"]),
            .init(name: "poddisruptionbudget", aliases: ["pdb"]), .init(name: "priorityclass", aliases: ["pc"]),
            .init(name: "quota", aliases: ["resourcequota"]), .init(name: "role"), .init(name: "rolebinding"),
            .init(name: "secret", children: [.init(name: "docker-registry"), .init(name: "generic"), .init(name: "tls")]),
            .init(name: "service", aliases: ["svc"], children: [
                .init(name: "clusterip"), .init(name: "externalname"), .init(name: "loadbalancer"), .init(name: "nodeport"),
            ]),
            .init(name: "serviceaccount", aliases: ["sa"]), .init(name: "token"),
        ]),
        "rollout": (false, ["history", "pause", "restart", "resume", "status", "undo"].map { .init(name: $0) }),
        "set": (false, [
            .init(name: "env"), .init(name: "image"), .init(name: "resources"), .init(name: "selector"),
            .init(name: "serviceaccount", aliases: ["sa"]), .init(name: "subject"),
        ]),
        "config": (false, [
            "current-context", "delete-cluster", "delete-context", "delete-user", "get-clusters", "get-contexts",
            "get-users", "rename-context", "set", "set-cluster", "set-context", "set-credentials", "unset", "view",
        ].map { .init(name: $0) } + [.init(name: "use-context", aliases: ["use"])]),
        "top": (false, [.init(name: "node", aliases: ["nodes", "no"]), .init(name: "pod", aliases: ["pods", "po"])]),
        "auth": (false, [.init(name: "can-i"), .init(name: "reconcile"), .init(name: "whoami")]),
        "certificate": (false, [.init(name: "approve"), .init(name: "deny")]),
        "apply": (true, [.init(name: "edit-last-applied"), .init(name: "set-last-applied"), .init(name: "view-last-applied")]),
        "cluster-info": (true, [.init(name: "dump")]),
        "plugin": (false, [.init(name: "list")]),
    ]

    /// How a command's positional arguments are read.
    enum ArgumentStyle {
        /// `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`, then (label, annotate, set, taint) `KEY=VALUE` words.
        case resources
        /// `[TYPE/]NAME` with pods as the default type, then words kept as they are (logs, exec…).
        case podOrResource
        /// `TYPE[.field.path]` (explain).
        case fieldPath
        /// `VERB TYPE[/SUBRESOURCE] [NAME]` (auth can-i).
        case accessReview
        /// Names, paths, ports: kept as typed.
        case plain
    }

    static func argumentStyle(_ verb: [String]) -> ArgumentStyle {
        switch verb.first ?? "" {
        case "get", "describe", "delete", "edit", "patch", "label", "annotate", "scale", "autoscale", "expose",
             "wait", "rollout", "set", "taint":
            return .resources
        case "logs", "exec", "attach", "port-forward", "debug":
            return .podOrResource
        case "explain":
            return .fieldPath
        case "auth":
            return verb.count > 1 && verb[1] == "can-i" ? .accessReview : .plain
        default:
            return .plain
        }
    }
}
