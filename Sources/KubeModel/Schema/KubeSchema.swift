import Foundation

/// The shape of one field, from the compact schema: scalars, references to object types, lists, maps.
public indirect enum FieldType: Equatable, Sendable {
    case string, int32, int64, number, boolean, time, bytes, intOrString, quantity, any
    case object(String)
    case list(FieldType)
    case map(FieldType)

    /// Parses the generator's notation: `int32`, `@core.v1.Container`, `[]@core.v1.Container`, `{}quantity`.
    init?(notation: Substring) {
        if notation.hasPrefix("[]") {
            guard let element = FieldType(notation: notation.dropFirst(2)) else { return nil }
            self = .list(element)
        } else if notation.hasPrefix("{}") {
            guard let element = FieldType(notation: notation.dropFirst(2)) else { return nil }
            self = .map(element)
        } else if notation.hasPrefix("@") {
            self = .object(String(notation.dropFirst()))
        } else {
            switch notation {
            case "string": self = .string
            case "int32": self = .int32
            case "int64": self = .int64
            case "number": self = .number
            case "boolean": self = .boolean
            case "time": self = .time
            case "bytes": self = .bytes
            case "int-or-string": self = .intOrString
            case "quantity": self = .quantity
            case "any": self = .any
            default: return nil
            }
        }
    }

    /// The JSON type name used in "expected …" messages.
    public var jsonName: String {
        switch self {
        case .string, .time, .bytes: return "string"
        case .int32, .int64: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .intOrString: return "integer or string"
        case .quantity: return "string or number"
        case .any: return "any"
        case .object, .map: return "object"
        case .list: return "array"
        }
    }
}

/// One object type: its fields and which are required (upstream OpenAPI `required`).
public struct TypeSchema: Sendable {
    public var name: String
    public var fields: [String: FieldType]
    public var required: [String]
    /// Field names in order, for did-you-mean and `explain`.
    public var fieldNames: [String]
}

/// A kind kubedrill knows: its apiVersion, the schema type of its objects, whether it is namespaced.
public struct KindInfo: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var typeName: String
    public var isNamespaced: Bool
}

/// Kubernetes v1.33 structure for the kinds kubedrill models, loaded from `schema-1.33.json`
/// (written by `Scripts/generate-schema.py` from the upstream OpenAPI schemas).
public struct KubeSchema: Sendable {
    public var kubernetesVersion: String
    public var kinds: [KindInfo]
    public var types: [String: TypeSchema]
    /// Kinds the v1.33 API serves that kubedrill does not model (accepted without structural checks).
    public var otherKinds: Set<String> = []

    /// The bundled schema, loaded once.
    public static let bundled: KubeSchema = {
        do {
            guard let url = Bundle.module.url(forResource: "schema-1.33", withExtension: "json") else {
                return KubeSchema(kubernetesVersion: "", kinds: [], types: [:])
            }
            return try KubeSchema(data: Data(contentsOf: url))
        } catch {
            return KubeSchema(kubernetesVersion: "", kinds: [], types: [:])
        }
    }()

    init(kubernetesVersion: String, kinds: [KindInfo], types: [String: TypeSchema]) {
        self.kubernetesVersion = kubernetesVersion
        self.kinds = kinds
        self.types = types
    }

    public init(data: Data) throws {
        struct File: Decodable {
            struct Kind: Decodable { var apiVersion, kind, type: String; var namespaced: Bool }
            struct TypeEntry: Decodable { var fields: [String: String]; var required: [String]? }
            var kubernetesVersion: String
            var kinds: [Kind]
            var otherKinds: [Other]?
            struct Other: Decodable { var apiVersion, kind: String }
            var types: [String: TypeEntry]
        }
        let document = try JSONDecoder().decode(File.self, from: data)
        kubernetesVersion = document.kubernetesVersion
        kinds = document.kinds.map { KindInfo(apiVersion: $0.apiVersion, kind: $0.kind, typeName: $0.type, isNamespaced: $0.namespaced) }
        var types: [String: TypeSchema] = [:]
        for (name, entry) in document.types {
            var fields: [String: FieldType] = [:]
            for (field, notation) in entry.fields {
                fields[field] = FieldType(notation: Substring(notation)) ?? .any
            }
            types[name] = TypeSchema(name: name, fields: fields, required: entry.required ?? [], fieldNames: fields.keys.sorted())
        }
        self.types = types
        var served = Set<String>()
        for other in document.otherKinds ?? [] { served.insert("\(other.apiVersion) \(other.kind)") }
        otherKinds = served
    }

    /// The kind registered for this apiVersion and kind, if kubedrill models it.
    public func kind(apiVersion: String, kind: String) -> KindInfo? {
        kinds.first { $0.apiVersion == apiVersion && $0.kind == kind }
    }

    /// True for a kind the API serves but kubedrill does not model (Endpoints, ControllerRevision…).
    public func isOtherServedKind(apiVersion: String, kind: String) -> Bool {
        otherKinds.contains(apiVersion + " " + kind)
    }
}
