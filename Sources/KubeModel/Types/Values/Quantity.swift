import Foundation

/// Upstream `resource.Quantity` (k8s.io/apimachinery/pkg/api/resource): `100m`, `0.5`, `1Gi`, `1G`, `1e3`.
///
/// Parsing and the canonical text follow quantity.go v1.33.0 exactly: values round up to the nano,
/// `0.5` prints as `500m`, `1.5Gi` as `1536Mi`, `1e3` keeps its exponent form, `1024Mi` prints `1Gi`.
/// Quantities compare by value and add up (sums of requests), keeping the left operand's format.
public struct Quantity: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How the canonical text is written; chosen by the suffix the value was written with.
    public enum Format: String, Codable, Sendable {
        case decimalExponent = "DecimalExponent"
        case binarySI = "BinarySI"
        case decimalSI = "DecimalSI"
    }

    /// The exact value, a multiple of 10⁻⁹.
    public private(set) var amount: Decimal
    public private(set) var format: Format

    static let maxInt64 = Decimal(Int64.max)

    /// Zero.
    public init() {
        amount = 0
        format = .decimalSI
    }

    init(amount: Decimal, format: Format) {
        self.amount = amount
        self.format = format
    }

    /// Parses `text` as the API server does, or throws `QuantityError` with upstream's message.
    public init(parsing text: String) throws {
        self = try QuantityParser.parse(text)
    }

    /// A whole number of units (`Quantity(1, .binarySI)` is 1, printed `1`).
    public init(_ value: Int64, format: Format = .decimalSI) {
        self.init(amount: Decimal(value), format: format)
    }

    /// A number of thousandths (`Quantity(milli: 250)` is `250m`).
    public init(milli: Int64) {
        self.init(amount: Decimal(milli) / 1000, format: .decimalSI)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = try QuantityParser.parse(text.trimmingCharacters(in: .whitespaces))
        } else {
            // A JSON number: upstream parses its text, so `0.5` means `500m` and `1000` means `1k`.
            let number = try container.decode(Double.self)
            self = try QuantityParser.parse(GoFloatFormat.json(number))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var isZero: Bool { amount.isZero }

    /// `Value()`: the value rounded up to a whole number.
    public var value: Int64 { Self.roundedUp(amount) }

    /// `MilliValue()`: the value in thousandths, rounded up (CPU in millicores).
    public var milliValue: Int64 { Self.roundedUp(amount * 1000) }

    private static func roundedUp(_ decimal: Decimal) -> Int64 {
        var input = decimal, rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .up)
        if rounded > maxInt64 { return Int64.max }
        if rounded < -maxInt64 { return -Int64.max }
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.amount < rhs.amount }
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.amount == rhs.amount }
    public func hash(into hasher: inout Hasher) { hasher.combine(amount) }

    /// Sum; a zero left operand takes the right one's format (so summed memory stays in `Mi`/`Gi`).
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(amount: lhs.amount + rhs.amount, format: lhs.isZero ? rhs.format : lhs.format)
    }

    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(amount: lhs.amount - rhs.amount, format: lhs.isZero ? rhs.format : lhs.format)
    }

    public static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }

    /// The canonical text (`CanonicalizeBytes`), what `kubectl get -o yaml` shows.
    public var description: String { QuantityFormatter.canonical(self) }
}
