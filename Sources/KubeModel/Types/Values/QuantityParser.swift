import Foundation

/// Why a quantity string was refused, with upstream's wording (apimachinery resource/quantity.go).
public enum QuantityError: Error, Equatable, CustomStringConvertible {
    /// `ErrFormatWrong`.
    case formatWrong
    /// `ErrSuffix`.
    case suffix

    public var description: String {
        switch self {
        case .formatWrong:
            return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        case .suffix:
            return "unable to parse quantity's suffix"
        }
    }
}

/// `parseQuantityString` and `ParseQuantity` from apimachinery resource/quantity.go, v1.33.0,
/// computing with Foundation `Decimal` (38 digits: enough for 2^63 at nano precision).
enum QuantityParser {
    struct Parts {
        var positive = true
        var numerator = ""
        var denominator = ""
        var suffix = ""
    }

    static func split(_ text: String) throws -> Parts {
        let chars = Array(text.utf8)
        var parts = Parts()
        var pos = 0
        let end = chars.count
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if pos < end {
            if chars[0] == UInt8(ascii: "-") { parts.positive = false; pos += 1 }
            else if chars[0] == UInt8(ascii: "+") { pos += 1 }
        }
        while pos < end, chars[pos] == UInt8(ascii: "0") { pos += 1 }
        if pos >= end { parts.numerator = "0"; return parts }
        let numStart = pos
        while pos < end, isDigit(chars[pos]) { pos += 1 }
        parts.numerator = String(decoding: chars[numStart..<pos], as: UTF8.self)
        if parts.numerator.isEmpty { parts.numerator = "0" }
        if pos >= end { return parts }
        if chars[pos] == UInt8(ascii: ".") {
            pos += 1
            let denomStart = pos
            while pos < end, isDigit(chars[pos]) { pos += 1 }
            parts.denominator = String(decoding: chars[denomStart..<pos], as: UTF8.self)
            if pos >= end { return parts }
        }
        let suffixStart = pos
        let suffixLetters = Set("eEinumkKMGTP".utf8)
        while pos < end, suffixLetters.contains(chars[pos]) { pos += 1 }
        if pos < end, chars[pos] == UInt8(ascii: "-") || chars[pos] == UInt8(ascii: "+") { pos += 1 }
        while pos < end, isDigit(chars[pos]) { pos += 1 }
        guard pos == end else { throw QuantityError.formatWrong }
        parts.suffix = String(decoding: chars[suffixStart..<end], as: UTF8.self)
        return parts
    }

    /// `quantitySuffixer.interpret`: base, exponent and format of a suffix.
    static func interpret(_ suffix: String) -> (base: Int, exponent: Int, format: Quantity.Format)? {
        let decimal: [String: Int] = ["n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
        let binary: [String: Int] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
        if let exponent = decimal[suffix] { return (10, exponent, .decimalSI) }
        if let exponent = binary[suffix] { return (2, exponent, .binarySI) }
        if suffix.count > 1, let first = suffix.first, first == "e" || first == "E",
           let exponent = Int(suffix.dropFirst()), abs(exponent) < 100 {
            return (10, exponent, .decimalExponent)
        }
        return nil
    }

    static func parse(_ text: String) throws -> Quantity {
        guard !text.isEmpty else { throw QuantityError.formatWrong }
        if text == "0" { return Quantity() }
        let parts = try split(text)
        guard let interpreted = interpret(parts.suffix) else { throw QuantityError.suffix }
        let (base, exponent) = (interpreted.base, interpreted.exponent)
        var format = interpreted.format
        let digits = parts.numerator + (parts.denominator.isEmpty ? "" : "." + parts.denominator)
        guard var amount = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else {
            throw QuantityError.formatWrong
        }
        if base == 10 {
            amount = amount * power(10, exponent)
        } else {
            amount = amount * power(2, exponent)
        }
        // "rounds non-zero values up to the minimum representable value" (nano), inf.RoundUp.
        if !amount.isZero {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &amount, 9, .up)
            amount = rounded
        }
        if format == .binarySI, amount > Quantity.maxInt64 { amount = Quantity.maxInt64 }
        if format == .binarySI, amount < 1, amount > 0 { format = .decimalSI }
        return Quantity(amount: parts.positive ? amount : -amount, format: format)
    }

    static func power(_ base: Int, _ exponent: Int) -> Decimal {
        if exponent >= 0 { return pow(Decimal(base), exponent) }
        return 1 / pow(Decimal(base), -exponent)
    }
}
