/// Small checks shared by many kinds, from pkg/apis/core/validation/validation.go and
/// apimachinery/pkg/api/validation (v1.33.0).
enum CommonRules {
    /// `ValidateNonnegativeField`: "must be greater than or equal to 0".
    static func nonNegative(_ value: Int64?, _ path: String, _ context: inout RuleContext) {
        if let value, value < 0 { context.invalid(path, number: value, "must be greater than or equal to 0") }
    }

    /// `IsValidPortNum`: "must be between 1 and 65535, inclusive".
    static func portNumber(_ value: Int32, _ path: String, _ context: inout RuleContext) {
        if value < 1 || value > 65535 { context.invalid(path, number: Int64(value), "must be between 1 and 65535, inclusive") }
    }

    /// `ValidatePortNumOrName`: a number must be a port, a name an IANA_SVC_NAME.
    static func portNumberOrName(_ port: IntOrString, _ path: String, _ context: inout RuleContext) {
        switch port {
        case .int(let number): portNumber(number, path, &context)
        case .string(let name):
            if name.isEmpty { context.required(path) }
            for error in NameFormats.portName(name) { context.invalid(path, name, error) }
        }
    }

    /// `validateIntOrPercent` style checks for maxSurge, maxUnavailable, minAvailable.
    static func intOrPercent(_ value: IntOrString?, _ path: String, _ context: inout RuleContext) {
        guard let value else { return }
        switch value {
        case .int(let number): nonNegative(Int64(number), path, &context)
        case .string(let text):
            let digits = text.dropLast()
            if !text.hasSuffix("%") || digits.isEmpty || !digits.allSatisfy(\.isASCII) || Int(digits) == nil {
                context.invalid(path, text, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")
            }
        }
    }

    /// `metav1validation.ValidateLabelSelector` (apimachinery/pkg/apis/meta/v1/validation).
    static func labelSelector(_ selector: LabelSelector?, _ path: String, _ context: inout RuleContext) {
        guard let selector else { return }
        for (index, requirement) in (selector.matchExpressions ?? []).enumerated() {
            let requirementPath = FieldPath.index(FieldPath.child(path, "matchExpressions"), index)
            let values = requirement.values ?? []
            switch requirement.operator {
            case "In", "NotIn":
                if values.isEmpty { context.required(FieldPath.child(requirementPath, "values"), "must be specified when `operator` is 'In' or 'NotIn'") }
            case "Exists", "DoesNotExist":
                if !values.isEmpty { context.forbidden(FieldPath.child(requirementPath, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'") }
            default:
                context.invalid(FieldPath.child(requirementPath, "operator"), requirement.operator, "not a valid selector operator")
            }
            for error in NameFormats.qualifiedName(requirement.key) { context.invalid(FieldPath.child(requirementPath, "key"), requirement.key, error) }
        }
        ObjectMetaRules.checkLabels(selector.matchLabels ?? [:], path: FieldPath.child(path, "matchLabels"), &context)
    }

    /// Go's `%#v` of a `map[string]string`, which field.Invalid prints for label maps.
    static func goMap(_ labels: [String: String]?) -> String {
        let pairs = (labels ?? [:]).sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }
        return "map[string]string{" + pairs.joined(separator: ", ") + "}"
    }

    /// A value that must be one of `supported` (`field.NotSupported`); nil or empty passes (defaulted later).
    static func oneOf(_ value: String?, _ supported: [String], _ path: String, _ context: inout RuleContext) {
        guard let value, !value.isEmpty, !supported.contains(value) else { return }
        context.unsupported(path, value, supported)
    }
}
