/// Go's `strconv.FormatFloat(f, 'g', -1, bits)` for the cases manifests meet: shortest digits that
/// round-trip, exponent form below 1e-4 or from 1e21 (the `'g'` rule with precision -1 uses the
/// exponent when it is < -4 or ≥ the digit count… Go's encoding/json uses 'f' up to 1e21 instead).
enum GoFloatFormat {
    /// encoding/json's float64 text (`floatEncoder`): 'f' form unless |f| < 1e-6 or ≥ 1e21.
    static func json(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e21 {
            if abs(number) < 9.2e18 { return String(Int64(number)) }
        }
        let text = "\(number)"  // Swift prints the shortest round-tripping digits
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `FormatFloat(f, 'g', -1, 32)` for map keys; Swift's shortest float32 digits match Go's.
    static func shortest(_ number: Float) -> String {
        if number == number.rounded(), abs(number) < 1e21 { return String(Int64(number)) }
        return "\(number)"
    }
}
