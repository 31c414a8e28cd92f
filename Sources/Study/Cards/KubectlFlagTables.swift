/// Flag facts from kubectl v1.33: which shorthand letters each command has, which flags are
/// booleans (and which of those are on by default), which take a value, and which take an optional
/// one. Checked against the `Flags()` declarations under `staging/src/k8s.io/kubectl/pkg/cmd/`
/// (as listed by `kubectl <command> --help`).
extension KubectlTables {
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
        case "run": table = ["i": "stdin", "t": "tty", "q": "quiet", "l": "labels", "o": "output", "f": "filename", "k": "kustomize", "R": "recursive"]
        case "debug": table = ["c": "container", "i": "stdin", "t": "tty", "q": "quiet", "f": "filename"]
        case "apply", "diff", "scale", "wait", "label", "annotate":
            table = ["f": "filename", "k": "kustomize", "R": "recursive", "l": "selector", "A": "all-namespaces", "o": "output"]
        case "create":
            var letters: [Character: String] = ["f": "filename", "k": "kustomize", "R": "recursive", "o": "output", "l": "selector"]
            if verb.count > 1, verb[1] == "deployment" { letters["r"] = "replicas" }
            table = letters
        case "replace", "edit", "autoscale", "certificate":
            table = ["f": "filename", "k": "kustomize", "R": "recursive", "o": "output"]
        case "cluster-info": table = ["A": "all-namespaces", "o": "output"]
        case "kustomize": table = ["e": "env", "o": "output"]
        case "port-forward", "explain", "api-versions", "completion", "options", "plugin", "alpha", "help":
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
        case "config", "version", "api-resources": table = ["o": "output"]
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
        case ("wait", "delete"), ("server-print", "get"), ("overwrite", "apply"), ("openapi-patch", "apply"),
             ("namespaced", "api-resources"), ("use-protocol-buffers", "top"), ("show-events", "describe"),
             ("recursive", "wait"), ("keep-init-containers", "debug"), ("share-processes", "debug"), ("merge", "config"):
            return true
        case ("overwrite", "set"): return verb.count > 1 && verb[1] == "env"
        case ("recursive", "set"): return verb.count > 1 && verb[1] == "selector"
        default: return false
        }
    }

    static let booleanFlags: Set<String> = [
        "all", "all-containers", "all-namespaces", "all-pods", "allow-missing-template-keys", "append-hash",
        "append-server-path", "arguments-only", "as-current-user", "attach", "cached", "command", "create-annotation",
        "current", "delete-emptydir-data", "disable-compression", "disable-eviction", "disable-filter", "edit",
        "embed-certs", "enable-alpha-plugins", "enable-helm", "exec-provide-cluster-info", "expose", "flatten",
        "follow", "force", "force-conflicts", "merge", "network", "no-preserve", "openapi-patch", "output-patch",
        "remove-extra-permissions", "remove-extra-subjects", "set-raw-bytes",
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
        "auth-provider", "auth-provider-arg", "categories", "cluster-ip", "concurrency", "exec-api-version",
        "exec-arg", "exec-command", "exec-env", "exec-interactive-mode", "external-ip", "helm-api-versions",
        "helm-command", "helm-kube-version", "load-balancer-ip", "load-restrictor", "mount", "namespaces",
        "network-name", "proxy-url", "prune-allowlist", "retries", "session-affinity",
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

    /// Flags whose value is a `TYPE/NAME` reference resolved like a positional one
    /// (`events --for po/web`, `create job --from cj/nightly`, `set env --from cm/settings`).
    static func takesResourceReference(_ flag: String, verb: [String]) -> Bool {
        switch (flag, verb.first ?? "") {
        case ("for", "events"): return true
        case ("from", "create"): return verb.count > 1 && verb[1] == "job"
        case ("from", "set"): return verb.count > 1 && verb[1] == "env"
        default: return false
        }
    }

    /// Flags whose value is a Go duration (`60s` = `1m`).
    static let durationFlags: Set<String> = ["timeout", "request-timeout", "since", "pod-running-timeout", "grace-period-timeout", "duration"]
}
