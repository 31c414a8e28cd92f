/// Upstream `intstr.IntOrString` (k8s.io/apimachinery/pkg/util/intstr): a port number or name,
/// a count or a percentage (`maxSurge: 25%`). JSON numbers decode as `.int`, strings as `.string`.
public enum IntOrString: Codable, Hashable, Sendable, CustomStringConvertible {
    case int(Int32)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int32.self) {
            self = .int(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }

    public var description: String {
        switch self {
        case .int(let number): return String(number)
        case .string(let text): return text
        }
    }

    /// intstr `GetScaledValueFromIntOrPercent`: an int as is, `"25%"` of `total`, rounded up or down.
    /// Returns nil for a string that is not a percentage (upstream: "invalid value for IntOrString").
    public func scaledValue(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let number): return Int(number)
        case .string(let text):
            guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return nil }
            let product = percent * total
            return roundUp ? (product + 99) / 100 : product / 100
        }
    }
}
