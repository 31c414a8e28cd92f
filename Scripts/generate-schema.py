#!/usr/bin/env python3
"""Writes kubedrill's compact Kubernetes v1.33 schema and the Swift types generated from it.

Input: the strict JSON schemas bundled by the PyPI package `kubernetes-validate`
(kubernetes-json-schema/v1.33.0-local-strict/_definitions.json), themselves generated from the
upstream OpenAPI v3 documents of kubernetes v1.33.0.

Output (structure only, no upstream prose):
  Sources/KubeModel/Schema/schema-1.33.json   kinds, and per type its fields, field types, required fields
  Sources/KubeModel/Types/Generated/*.swift   one Codable struct per type, grouped by API package

Run once after changing KINDS:  pip install kubernetes-validate && python3 Scripts/generate-schema.py
After changing only the Swift output below:  python3 Scripts/generate-schema.py --swift-only
(reads the committed compact schema; kubernetes-validate is not needed).
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPACT = os.path.join(ROOT, "Sources/KubeModel/Schema/schema-1.33.json")

def schema_dir():
    import kubernetes_validate
    return os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema", "v1.33.0-local-strict")

# (apiVersion, kind, definition, namespaced)
KINDS = [
    ("v1", "Pod", "io.k8s.api.core.v1.Pod", True),
    ("v1", "Service", "io.k8s.api.core.v1.Service", True),
    ("v1", "ConfigMap", "io.k8s.api.core.v1.ConfigMap", True),
    ("v1", "Secret", "io.k8s.api.core.v1.Secret", True),
    ("v1", "Namespace", "io.k8s.api.core.v1.Namespace", False),
    ("v1", "PersistentVolume", "io.k8s.api.core.v1.PersistentVolume", False),
    ("v1", "PersistentVolumeClaim", "io.k8s.api.core.v1.PersistentVolumeClaim", True),
    ("v1", "ResourceQuota", "io.k8s.api.core.v1.ResourceQuota", True),
    ("v1", "LimitRange", "io.k8s.api.core.v1.LimitRange", True),
    ("v1", "ServiceAccount", "io.k8s.api.core.v1.ServiceAccount", True),
    ("v1", "Node", "io.k8s.api.core.v1.Node", False),
    ("v1", "Event", "io.k8s.api.core.v1.Event", True),
    ("v1", "Endpoints", "io.k8s.api.core.v1.Endpoints", True),
    ("apps/v1", "Deployment", "io.k8s.api.apps.v1.Deployment", True),
    ("apps/v1", "ReplicaSet", "io.k8s.api.apps.v1.ReplicaSet", True),
    ("apps/v1", "StatefulSet", "io.k8s.api.apps.v1.StatefulSet", True),
    ("apps/v1", "DaemonSet", "io.k8s.api.apps.v1.DaemonSet", True),
    ("batch/v1", "Job", "io.k8s.api.batch.v1.Job", True),
    ("batch/v1", "CronJob", "io.k8s.api.batch.v1.CronJob", True),
    ("networking.k8s.io/v1", "Ingress", "io.k8s.api.networking.v1.Ingress", True),
    ("networking.k8s.io/v1", "IngressClass", "io.k8s.api.networking.v1.IngressClass", False),
    ("networking.k8s.io/v1", "NetworkPolicy", "io.k8s.api.networking.v1.NetworkPolicy", True),
    ("discovery.k8s.io/v1", "EndpointSlice", "io.k8s.api.discovery.v1.EndpointSlice", True),
    ("storage.k8s.io/v1", "StorageClass", "io.k8s.api.storage.v1.StorageClass", False),
    ("autoscaling/v2", "HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler", True),
    ("autoscaling/v1", "HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler", True),
    ("policy/v1", "PodDisruptionBudget", "io.k8s.api.policy.v1.PodDisruptionBudget", True),
    ("scheduling.k8s.io/v1", "PriorityClass", "io.k8s.api.scheduling.v1.PriorityClass", False),
    ("rbac.authorization.k8s.io/v1", "Role", "io.k8s.api.rbac.v1.Role", True),
    ("rbac.authorization.k8s.io/v1", "ClusterRole", "io.k8s.api.rbac.v1.ClusterRole", False),
    ("rbac.authorization.k8s.io/v1", "RoleBinding", "io.k8s.api.rbac.v1.RoleBinding", True),
    ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "io.k8s.api.rbac.v1.ClusterRoleBinding", False),
]

SPECIAL = {
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": "int-or-string",
    "io.k8s.apimachinery.pkg.api.resource.Quantity": "quantity",
    "io.k8s.apimachinery.pkg.apis.meta.v1.Time": "time",
    "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": "time",
    "io.k8s.apimachinery.pkg.runtime.RawExtension": "any",
    "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON": "any",
}

def short(name):
    for prefix in ("io.k8s.api.", "io.k8s.apimachinery.pkg.apis.", "io.k8s.apimachinery.pkg."):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name

def main():
    if "--swift-only" in sys.argv[1:]:
        write_swift(json.load(open(COMPACT)))
        return
    defs = json.load(open(os.path.join(schema_dir(), "_definitions.json")))["$defs"]
    reached, order = {}, []

    def field_type(prop):
        if "$ref" in prop:
            target = prop["$ref"].split("/")[-1]
            if target in SPECIAL:
                return SPECIAL[target]
            visit(target)
            return "@" + short(target)
        types = prop.get("type", [])
        types = [t for t in (types if isinstance(types, list) else [types]) if t != "null"]
        kind = types[0] if types else "any"
        if kind == "array":
            return "[]" + field_type(prop.get("items", {}))
        if kind == "object":
            extra = prop.get("additionalProperties")
            if isinstance(extra, dict):
                return "{}" + field_type(extra)
            return "any"
        if kind == "integer":
            return {"int32": "int32", "int64": "int64"}.get(prop.get("format"), "int64")
        if kind == "string" and prop.get("format") == "byte":
            return "bytes"
        return {"string": "string", "boolean": "boolean", "number": "number"}[kind]

    def visit(name):
        if name in reached or name in SPECIAL:
            return
        reached[name] = None
        schema = defs[name]
        fields = {}
        for field, prop in sorted(schema.get("properties", {}).items()):
            fields[field] = field_type(prop)
        entry = {"fields": fields}
        if schema.get("required"):
            entry["required"] = sorted(schema["required"])
        reached[name] = entry
        order.append(name)

    for api_version, kind, definition, _ in KINDS:
        visit(definition)

    # Every other kind the v1.33 API serves: accepted without structural checks, never called unknown.
    other = set()
    for name, schema in defs.items():
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            version = gvk["version"] if not gvk["group"] else gvk["group"] + "/" + gvk["version"]
            if not gvk["kind"].endswith("List") and gvk["kind"] not in ("Status", "WatchEvent", "DeleteOptions", "APIGroup", "APIResourceList", "APIVersions", "APIGroupList"):
                other.add((version, gvk["kind"]))
    other -= {(a, k) for a, k, _, _ in KINDS}

    compact = {
        "otherKinds": [{"apiVersion": a, "kind": k} for a, k in sorted(other)],
        "kubernetesVersion": "1.33.0",
        "source": "kubernetes-validate v1.33.0-local-strict (upstream OpenAPI v3), structure only",
        "kinds": [{"apiVersion": a, "kind": k, "type": short(d), "namespaced": n} for a, k, d, n in KINDS],
        "types": {short(n): reached[n] for n in sorted(reached)},
    }
    out = COMPACT
    with open(out, "w") as f:
        json.dump(compact, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print("wrote", out, len(reached), "types")
    write_swift(compact)

# ---------------------------------------------------------------- Swift

SWIFT_KEYWORDS = {"default", "operator", "protocol", "extension", "internal", "static", "import", "class",
                  "struct", "enum", "func", "var", "let", "in", "is", "as", "where", "self", "Type", "init",
                  "deinit", "subscript", "return", "switch", "case", "repeat", "while", "for", "if", "else",
                  "break", "continue", "fallthrough", "throw", "throws", "try", "catch", "public", "private"}

def swift_names(types):
    """Type name per schema type: the upstream Go name, prefixed by group+version where two collide."""
    by_last = {}
    for name in types:
        by_last.setdefault(name.split(".")[-1], []).append(name)
    result = {}
    preferred = ("core.v1", "meta.v1", "apps.v1", "batch.v1", "networking.v1", "autoscaling.v2")
    for last, names in by_last.items():
        if len(names) == 1:
            result[names[0]] = last
            continue
        winner = next((n for n in names if n.rsplit(".", 1)[0] in preferred), None)
        for n in names:
            if n == winner:
                result[n] = last
            else:
                group, version = n.split(".")[-3], n.split(".")[-2]
                result[n] = group[0].upper() + group[1:] + version.upper() + last
    return result

def swift_type(t, names):
    if t.startswith("[]"):
        return "[" + swift_type(t[2:], names) + "]"
    if t.startswith("{}"):
        return "[String: " + swift_type(t[2:], names) + "]"
    if t.startswith("@"):
        return names[t[1:]]
    return {"string": "String", "time": "String", "bytes": "String", "int32": "Int32", "int64": "Int64",
            "number": "Double", "boolean": "Bool", "int-or-string": "IntOrString", "quantity": "Quantity",
            "any": "JSONValue"}[t]

def zero_value(t, names):
    if t.startswith("[]"):
        return "[]"
    if t.startswith("{}"):
        return "[:]"
    if t.startswith("@"):
        return names[t[1:]] + "()"
    return {"string": '""', "time": '""', "bytes": '""', "int32": "0", "int64": "0", "number": "0",
            "boolean": "false", "int-or-string": ".int(0)", "quantity": "Quantity()", "any": ".null"}[t]

def ident(field):
    return "`%s`" % field if field in SWIFT_KEYWORDS else field

def write_swift(compact):
    types = compact["types"]
    names = swift_names(types)
    kinds_by_type = {k["type"]: k for k in compact["kinds"]}
    groups = {}
    for name in sorted(types):
        package = name.rsplit(".", 1)[0]
        groups.setdefault(package, []).append(name)
    out_dir = os.path.join(ROOT, "Sources/KubeModel/Types/Generated")
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, old))
    for package, members in groups.items():
        # Files stay under 500 lines counting what is written: the two header lines and the
        # blank line after each type (counting the types' own lines alone let files reach 506).
        chunks = [[]]
        size = 2
        for name in members:
            lines = render_struct(name, types[name], names, kinds_by_type.get(name))
            if size + len(lines) + 1 > 490 and chunks[-1]:
                chunks.append([])
                size = 2
            chunks[-1].append(lines)
            size += len(lines) + 1
        base = "".join(p[0].upper() + p[1:] for p in package.split("."))
        for index, chunk in enumerate(chunks):
            suffix = "" if len(chunks) == 1 else "+%s-%s" % (chunk_first(chunk), chunk_last(chunk))
            path = os.path.join(out_dir, "%s%s.swift" % (base, suffix))
            with open(path, "w") as f:
                f.write("// Generated by Scripts/generate-schema.py from the Kubernetes v1.33 OpenAPI schema"
                        " (package %s). Do not edit.\n\n" % package)
                for lines in chunk:
                    f.write("\n".join(lines) + "\n\n")
    write_kube_object(compact, names, os.path.join(out_dir, "KubeObject.swift"))
    print("wrote", len(groups), "packages of Swift types")

def chunk_first(chunk):
    return chunk[0][1].split()[2].rstrip(":")

def chunk_last(chunk):
    return chunk[-1][1].split()[2].rstrip(":")

def render_struct(name, entry, names, kind):
    swift = names[name]
    required = set(entry.get("required", []))
    if kind:
        required |= {"apiVersion", "kind", "metadata"}
    lines = ["/// Upstream `%s`%s." % (name, " (%s %s)" % (kind["apiVersion"], kind["kind"]) if kind else ""),
             "public struct %s: Codable, Equatable, Sendable {" % swift]
    decode = []
    for field, t in entry["fields"].items():
        st = swift_type(t, names)
        if field in required:
            default = zero_value(t, names)
            if kind and field == "apiVersion":
                default = '"%s"' % kind["apiVersion"]
            if kind and field == "kind":
                default = '"%s"' % kind["kind"]
            lines.append("    %spublic var %s: %s = %s" % ("@Box " if t.startswith("@") else "", ident(field), st, default))
            decode.append("        %s = try c.decodeIfPresent(%s.self, forKey: .%s) ?? %s" % (ident(field), st, ident(field), default))
        else:
            lines.append("    %spublic var %s: %s?" % ("@OptionalBox " if t.startswith("@") else "", ident(field), st))
            decode.append("        %s = try c.decodeIfPresent(%s.self, forKey: .%s)" % (ident(field), st, ident(field)))
    lines.append("")
    lines.append("    public init() {}")
    if decode:
        lines.append("")
        lines.append("    /// Missing required fields decode as zero values; structural validation reports them.")
        lines.append("    public init(from decoder: Decoder) throws {")
        lines.append("        let c = try decoder.container(keyedBy: CodingKeys.self)")
        lines.extend(decode)
        lines.append("    }")
    if kind:
        lines.extend(kind_equality(swift, entry["fields"]))
    lines.append("")
    lines.append("    /// Reads the fields straight from a parsed document; values of the wrong type are left unset")
    lines.append("    /// (structural validation reports them), so a partly wrong manifest still yields an object.")
    lines.append("    public init(tree node: YAMLNode) {")
    if not entry["fields"]:
        lines.append("        self.init()")
    else:
        # Built in a local and assigned once: writing the boxed fields of `self` in the loop
        # crashed the Swift 6.3 optimizer (CopyPropagation, in DaemonSetSpec.init(tree:)).
        lines.append("        var decoded = Self()")
        lines.append("        for entry in node.entries ?? [] {")
        lines.append("            switch entry.key {")
        for field, t in entry["fields"].items():
            expr = tree_expr(t, names, "entry.value")
            target = "decoded." + ident(field)
            if field in required:
                default = zero_value(t, names)
                if kind and field in ("apiVersion", "kind"):
                    lines.append('            case "%s": if let value = %s { %s = value }' % (field, expr, target))
                    continue
                lines.append('            case "%s": %s = %s ?? %s' % (field, target, expr, default))
            else:
                lines.append('            case "%s": %s = %s' % (field, target, expr))
        lines.append("            default: break")
        lines.append("            }")
        lines.append("        }")
        lines.append("        self = decoded")
    lines.append("    }")
    lines.append("}")
    return lines

def kind_equality(swift, fields):
    """`==` for a kind: status first, then the other data fields, metadata, and the type fields.
    A store write compares the new object with the stored one; most writes change status, and an
    untouched boxed field compares by identity, so the answer usually comes after one field,
    where declaration order walked metadata and spec in full first. The backing boxes are
    compared (`_spec`), not the fields: reading a boxed field copies its whole value."""
    def rank(field):
        return {"status": 0, "metadata": 2, "kind": 3, "apiVersion": 4}.get(field, 1)
    order = sorted(fields, key=rank)  # stable: data fields keep their declaration order
    terms = ["lhs.%s%s == rhs.%s%s" % ("_" if fields[f].startswith("@") else "", ident(f),
                                       "_" if fields[f].startswith("@") else "", ident(f)) for f in order]
    lines = ["",
             "    /// Status first, metadata and the type fields last: see `kind_equality` in the generator.",
             "    public static func == (lhs: %s, rhs: %s) -> Bool {" % (swift, swift)]
    lines.append("        " + "\n            && ".join(terms))
    lines.append("    }")
    return lines

def tree_expr(t, names, value):
    """A Swift expression reading `value` (a YAMLNode) as type t, nil when it does not fit."""
    if t.startswith("[]"):
        inner = tree_expr(t[2:], names, "$0")
        return "TreeDecode.list(%s) { %s }" % (value, inner)
    if t.startswith("{}"):
        inner = tree_expr(t[2:], names, "$0")
        return "TreeDecode.map(%s) { %s }" % (value, inner)
    if t.startswith("@"):
        return "TreeDecode.object(%s, %s.init(tree:))" % (value, names[t[1:]])
    return {"string": "TreeDecode.string(%s)", "time": "TreeDecode.string(%s)", "bytes": "TreeDecode.string(%s)",
            "int32": "TreeDecode.int32(%s)", "int64": "TreeDecode.int64(%s)", "number": "TreeDecode.double(%s)",
            "boolean": "TreeDecode.bool(%s)", "int-or-string": "TreeDecode.intOrString(%s)",
            "quantity": "TreeDecode.quantity(%s)", "any": "TreeDecode.json(%s)"}[t] % value

def case_name(kind, names):
    swift = names[kind["type"]]
    return swift[0].lower() + swift[1:]

def write_kube_object(compact, names, path):
    kinds = compact["kinds"]
    L = ["// Generated by Scripts/generate-schema.py. Do not edit.", "", "import Foundation", "",
         "/// Any object of a kind kubedrill models, as the simulator stores it and `get -o yaml` prints it.",
         "public indirect enum KubeObject: Equatable, Sendable {"]
    for k in kinds:
        L.append("    case %s(%s)" % (case_name(k, names), names[k["type"]]))
    L += ["", "    /// Decodes JSON of the kind `apiVersion`/`kind` names; nil for a kind kubedrill does not model.",
          "    public static func decode(apiVersion: String, kind: String, json: Data, using decoder: JSONDecoder = JSONDecoder()) throws -> KubeObject? {",
          "        switch (apiVersion, kind) {"]
    for k in kinds:
        L.append('        case ("%s", "%s"): return .%s(try decoder.decode(%s.self, from: json))' % (k["apiVersion"], k["kind"], case_name(k, names), names[k["type"]]))
    L += ["        default: return nil", "        }", "    }", ""]
    L += ["    /// Builds the object straight from a parsed document; nil for a kind kubedrill does not model.",
          "    public static func decode(apiVersion: String, kind: String, tree: YAMLNode) -> KubeObject? {",
          "        switch (apiVersion, kind) {"]
    for k in kinds:
        L.append('        case ("%s", "%s"): return .%s(%s(tree: tree))' % (k["apiVersion"], k["kind"], case_name(k, names), names[k["type"]]))
    L += ["        default: return nil", "        }", "    }", ""]
    for prop, typ in (("apiVersion", "String"), ("kind", "String"), ("metadata", "ObjectMeta")):
        # Inlinable: a caller reading one field then copies that field, not the whole value.
        L.append("    @inlinable")
        L.append("    public var %s: %s {" % (prop, typ))
        L.append("        switch self {")
        for k in kinds:
            L.append("        case .%s(let object): return object.%s" % (case_name(k, names), prop))
        L += ["        }", "    }", ""]
    L += ["    /// Reads metadata where it lies: `metadata` returns a copy of every field, which a lookup",
          "    /// of one (a name, a uid) paid on every store write.",
          "    @inlinable",
          "    public func withMetadata<Result>(_ body: (ObjectMeta) throws -> Result) rethrows -> Result {",
          "        switch self {"]
    for k in kinds:
        L.append("        case .%s(let object): return try body(object.metadata)" % case_name(k, names))
    L += ["        }", "    }", ""]
    L += ["    /// False for cluster-scoped kinds.", "    @inlinable", "    public var isNamespaced: Bool {", "        switch self {"]
    for k in kinds:
        L.append("        case .%s: return %s" % (case_name(k, names), "true" if k["namespaced"] else "false"))
    L += ["        }", "    }", ""]
    L += ["    /// A copy without `status`, for telling a spec change from a status write by comparing",
          "    /// values (unchanged boxed subtrees compare by identity) rather than JSON.",
          "    public var withoutStatus: KubeObject {", "        switch self {"]
    for k in kinds:
        if "status" in compact["types"][k["type"]]["fields"]:
            L.append("        case .%s(var object): object.status = nil; return .%s(object)" % (case_name(k, names), case_name(k, names)))
    L += ["        default: return self", "        }", "    }", ""]
    L += ["    /// The object itself, for encoding and generic access.",
          "    public var resource: any KubeResource {", "        switch self {"]
    for k in kinds:
        L.append("        case .%s(let object): return object" % case_name(k, names))
    L += ["        }", "    }", "}", ""]
    open(path, "w").write("\n".join(L) + "\n")
    # The conformances in a file of their own, so that neither file outgrows 500 lines.
    R = ["// Generated by Scripts/generate-schema.py. Do not edit.", ""]
    for k in kinds:
        R.append("extension %s: KubeResource {" % names[k["type"]])
        R.append('    public static let resourceAPIVersion = "%s"' % k["apiVersion"])
        R.append('    public static let resourceKind = "%s"' % k["kind"])
        R.append("    public static let isNamespaced = %s" % ("true" if k["namespaced"] else "false"))
        R.append("}")
    open(path.replace("KubeObject.swift", "KubeObject+KubeResource.swift"), "w").write("\n".join(R) + "\n")

if __name__ == "__main__":
    main()
