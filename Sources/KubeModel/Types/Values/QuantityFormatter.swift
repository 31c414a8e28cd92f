import Foundation

/// `Quantity.CanonicalizeBytes` (apimachinery resource/quantity.go, v1.33.0): no precision lost, no
/// fractional digits, the largest suffix that keeps the number whole.
enum QuantityFormatter {
    static func canonical(_ quantity: Quantity) -> String {
        if quantity.isZero { return "0" }
        var format = quantity.format
        let magnitude = quantity.amount < 0 ? -quantity.amount : quantity.amount
        let sign = quantity.amount < 0 ? "-" : ""
        if format == .binarySI {
            if magnitude < 1024 || !isWhole(magnitude) { format = .decimalSI }
        }
        if format == .binarySI {
            var number = magnitude
            var exponent = 0
            while exponent < 6, isWhole(number / 1024), number >= 1024 {
                number /= 1024
                exponent += 1
            }
            let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
            return sign + integerText(number) + suffixes[exponent]
        }
        // Decimal: mantissa × 10^exponent with the exponent a multiple of three.
        var exponent = 0
        var number = magnitude
        while !isWhole(number) { number *= 10; exponent -= 1 }
        while !number.isZero, isWhole(number / 10) { number /= 10; exponent += 1 }
        let remainder = ((exponent % 3) + 3) % 3
        if remainder != 0 {
            for _ in 0..<remainder { number *= 10 }
            exponent -= remainder
        }
        return sign + integerText(number) + suffix(exponent: exponent, format: format)
    }

    private static func suffix(exponent: Int, format: Quantity.Format) -> String {
        if format == .decimalExponent { return exponent == 0 ? "" : "e\(exponent)" }
        let table = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
        return table[exponent] ?? "e\(exponent)"
    }

    static func isWhole(_ value: Decimal) -> Bool {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .down)
        return rounded == value
    }

    static func integerText(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }
}
