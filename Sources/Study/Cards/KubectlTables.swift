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
        /// True when the parent also runs on its own (`create -f`, `apply -f`, `cluster-info`).
        var isOptional = false
    }

    /// Subcommands by top-level verb. Parents whose children are optional run without one.
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

    /// Shorthand letters by command (first word, or two words for `top pod`-like paths); the
    /// global `-n`, `-s`, `-v` and `-h` hold everywhere.
    static func longName(forShorthand letter: Character, verb: [String]) -> String? {
        switch letter {
        case "n": return "namespace"
        case "s": return "server"
        case "v": return "v"
        case "h": return "help"
        default: break
        }
        let first = verb.first ?? ""
        let table: [Character: String]
        switch first {
        case "get": table = ["o": "output", "l": "selector", "w": "watch", "L": "label-columns", "A": "all-namespaces", "f": "filename", "R": "recursive", "k": "kustomize"]
        case "describe": table = ["l": "selector", "A": "all-namespaces", "f": "filename", "R": "recursive", "k": "kustomize"]
        case "delete": table = ["f": "filename", "k": "kustomize", "R": "recursive", "l": "selector", "A": "all-namespaces", "i": "interactive", "o": "output"]
        case "logs": table = ["c": "container", "f": "follow", "p": "previous", "l": "selector"]
        case "exec": table = ["c": "container", "i": "stdin", "t": "tty", "q": "quiet", "f": "filename"]
        case "attach": table = ["c": "container", "i": "stdin", "t": "tty", "q": "quiet"]
        case "run": table = ["i": "stdin", "t": "tty", "q": "quiet", "l": "labels", "o": "output"]
        case "debug": table = ["c": "container", "i": "stdin", "t": "tty", "q": "quiet", "f": "filename"]
        case "apply", "diff", "scale", "wait", "label", "annotate":
            table = ["f": "filename", "k": "kustomize", "R": "recursive", "l": "selector", "A": "all-namespaces", "o": "output"]
        case "create", "replace", "edit", "autoscale", "certificate":
            table = ["f": "filename", "k": "kustomize", "R": "recursive", "o": "output"]
        case "port-forward", "explain", "cluster-info", "api-versions", "completion", "options", "plugin", "alpha", "help":
            table = [:]
        case "cp": table = ["c": "container"]
        case "patch": table = ["p": "patch", "f": "filename", "k": "kustomize", "R": "recursive", "o": "output"]
        case "expose": table = ["l": "labels", "f": "filename", "k": "kustomize", "R": "recursive", "o": "output"]
        case "top": table = ["l": "selector", "A": "all-namespaces"]
        case "events": table = ["A": "all-namespaces", "w": "watch", "o": "output"]
        case "proxy": table = ["p": "port", "w": "www", "P": "www-prefix", "u": "unix-socket"]
        case "auth": table = ["A": "all-namespaces", "q": "quiet", "o": "output", "f": "filename", "k": "kustomize", "R": "recursive"]
        case "rollout": table = ["w": "watch", "f": "filename", "k": "kustomize", "R": "recursive", "l": "selector", "o": "output"]
        case "set":
            var letters: [Character: String] = ["f": "filename", "k": "kustomize", "R": "recursive", "l": "selector", "o": "output"]
            if verb.count > 1, verb[1] == "env" { letters["e"] = "env"; letters["c"] = "containers" }
            if verb.count > 1, verb[1] == "resources" { letters["c"] = "containers" }
            table = letters
        case "drain", "cordon", "uncordon": table = ["l": "selector"]
        case "taint": table = ["l": "selector", "o": "output"]
        case "config", "version", "api-resources", "kustomize": table = ["o": "output"]
        default: table = ["o": "output", "l": "selector", "A": "all-namespaces", "f": "filename", "R": "recursive", "k": "kustomize"]
        }
        return table[letter]
    }

    /// Flags that never take a separate value (`--force web` is a flag and an argument).
    static func isBoolean(_ flag: String, verb: [String]) -> Bool {
        switch flag {
        case "raw": return verb.first == "config"  // `config view --raw`; elsewhere `--raw /path`
        case "containers": return verb.first == "top"  // `top pod --containers`; `set env -c name`
        case "prefix": return verb.first == "logs"  // `logs --prefix`; `set env --prefix PRE_`
        default: return booleanFlags.contains(flag)
        }
    }

    /// Boolean flags that are on unless turned off: writing them bare changes nothing, while
    /// writing `=false` does (for every other boolean it is the other way round).
    static func isTrueByDefault(_ flag: String, verb: [String]) -> Bool {
        switch (flag, verb.first ?? "") {
        case ("allow-missing-template-keys", _): return true
        case ("watch", "rollout"): return verb.count > 1 && verb[1] == "status"
        case ("wait", "delete"), ("server-print", "get"), ("overwrite", "apply"), ("namespaced", "api-resources"),
             ("use-protocol-buffers", "top"), ("show-events", "describe"):
            return true
        default: return false
        }
    }

    static let booleanFlags: Set<String> = [
        "all", "all-containers", "all-namespaces", "allow-missing-template-keys", "append-hash", "arguments-only",
        "attach", "command", "current", "delete-emptydir-data", "disable-compression", "disable-eviction",
        "disable-filter", "edit", "embed-certs", "expose", "flatten", "follow", "force", "force-conflicts",
        "global-default", "help", "ignore-daemonsets", "ignore-errors", "ignore-not-found",
        "insecure-skip-tls-verify", "insecure-skip-tls-verify-backend", "interactive", "keep-annotations",
        "keep-init-containers", "keep-labels", "keep-liveness", "keep-readiness", "keep-startup",
        "leave-stdin-open", "list", "local", "match-server-version", "minify", "namespaced", "no-headers", "now",
        "output-watch-events", "overwrite", "previous", "privileged", "prune", "quiet", "record", "recursive",
        "replace", "resolve", "rm", "same-node", "save-config", "server-print", "server-side", "share-processes",
        "show-capacity", "show-events", "show-kind", "show-labels", "show-managed-fields", "stdin", "sum",
        "timestamps", "tty", "use-protocol-buffers", "wait", "warnings-as-errors", "watch", "watch-only",
        "windows-line-endings",
    ]

    /// Flags known to take a value (`--image nginx`). A flag in neither this list nor the
    /// boolean one is unknown: it takes the next word as its value only when that word does not
    /// look like a flag, so a mistyped flag is reported as a flag rather than failing the parse.
    static let valueFlags: Set<String> = [
        "accept-hosts", "accept-paths", "address", "aggregation-rule", "annotation", "annotations", "api-group",
        "api-prefix", "api-version", "as", "as-group", "as-uid", "audience", "bound-object-kind",
        "bound-object-name", "bound-object-uid", "cache-dir", "cert", "certificate-authority", "chunk-size", "class",
        "client-certificate", "client-key", "cluster", "clusterip", "clusterrole", "container", "containers",
        "context", "copy-to", "cpu-percent", "current-replicas", "custom", "default-backend", "description",
        "docker-email", "docker-password", "docker-server", "docker-username", "duration", "env", "external-name",
        "field-manager", "field-selector", "filename", "for", "from", "from-env-file", "from-file", "from-literal",
        "grace-period", "group", "hard", "image", "image-pull-policy", "key", "keys", "kubeconfig", "kustomize",
        "label-columns", "labels", "limit-bytes", "limits", "log-flush-frequency", "max", "max-log-requests",
        "max-unavailable", "min", "min-available", "name", "namespace", "node-port", "non-resource-url", "output",
        "output-directory", "override-type", "overrides", "password", "patch", "patch-file", "pod-running-timeout",
        "pod-selector", "port", "prefix", "preemption-policy", "profile", "profile-output", "protocol", "raw",
        "reject-methods", "reject-paths", "replicas", "request-timeout", "requests", "resource", "resource-name",
        "resource-version", "restart", "revision", "role", "rule", "schedule", "scopes", "selector", "server",
        "serviceaccount", "set-image", "since", "since-time", "skip-wait-for-delete-timeout", "sort-by",
        "subresource", "tail", "target", "target-port", "tcp", "template", "timeout", "tls-server-name", "token",
        "to-revision", "type", "types", "unix-socket", "user", "username", "v", "value", "verb", "verbs", "vmodule",
        "www", "www-prefix",
    ]

    /// Flags whose value is optional (`NoOptDefVal`): the bare flag means the first value, and
    /// each spelling maps to what kubectl does with it. Values must then be attached with `=`.
    static let optionalValueFlags: [String: (bare: String, meanings: [String: String])] = [
        // GetDryRunStrategy: bare "unchanged" is the deprecated spelling of client; booleans too.
        "dry-run": ("client", ["unchanged": "client", "true": "client", "client": "client",
                               "false": "none", "none": "none", "server": "server"]),
        // GetValidationDirective: true → strict, false → ignore.
        "validate": ("strict", ["true": "strict", "strict": "strict", "false": "ignore", "ignore": "ignore", "warn": "warn"]),
        // GetCascadingStrategy: true → background, false → orphan.
        "cascade": ("background", ["true": "background", "background": "background", "false": "orphan",
                                   "orphan": "orphan", "foreground": "foreground"]),
    ]

    /// The value each optional-value flag has when it is left out: writing it changes nothing.
    static let defaultValues: [String: String] = ["dry-run": "none", "validate": "strict", "cascade": "background"]

    /// Flags whose value is a label or field selector: comma-separated terms in any order.
    static let selectorFlags: Set<String> = ["selector", "field-selector", "pod-selector"]

    /// Flags whose value is a Go duration (`60s` = `1m`).
    static let durationFlags: Set<String> = ["timeout", "request-timeout", "since", "pod-running-timeout", "grace-period-timeout", "duration"]
}
