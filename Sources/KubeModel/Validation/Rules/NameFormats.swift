/// String formats from k8s.io/apimachinery/pkg/util/validation/validation.go (v1.33.0), returning
/// upstream's messages word for word; an empty array means valid.
public enum NameFormats {
    static let dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainFmt = dns1123LabelFmt + "(\\." + dns1123LabelFmt + ")*"
    static let qualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"

    private static func isAlnumLower(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
    private static func isAlnum(_ c: UInt8) -> Bool { isAlnumLower(c) || (c >= 65 && c <= 90) }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    static func matchesDNS1123Label(_ text: Substring.UTF8View) -> Bool {
        guard let first = text.first, let last = text.last, isAlnumLower(first), isAlnumLower(last) else { return false }
        return text.allSatisfy { isAlnumLower($0) || $0 == 45 }
    }

    /// `IsDNS1123Label`.
    public static func dns1123Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        if !matchesDNS1123Label(Substring(value).utf8) {
            errors.append("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '\(dns1123LabelFmt)')")
        }
        return errors
    }

    /// `IsDNS1123Subdomain`.
    public static func dns1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append("must be no more than 253 characters") }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        if !parts.allSatisfy({ matchesDNS1123Label($0.utf8) }) {
            errors.append("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '\(dns1123SubdomainFmt)')")
        }
        return errors
    }

    /// `IsDNS1035Label` (Service names): must start with a letter.
    public static func dns1035Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        let utf8 = value.utf8
        let valid = matchesDNS1123Label(Substring(value).utf8) && (utf8.first.map { $0 >= 97 && $0 <= 122 } ?? false)
        if !valid {
            errors.append("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")
        }
        return errors
    }

    /// `IsValidPathSegmentName` (RBAC names).
    public static func pathSegmentName(_ value: String) -> [String] {
        if value == "." || value == ".." { return ["may not be '\(value)'"] }
        var errors: [String] = []
        for illegal in ["/", "%"] where value.contains(illegal) {
            errors.append("may not contain '\(illegal)'")
        }
        return errors
    }

    private static func matchesQualifiedNamePart(_ text: Substring) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isAlnum(first), isAlnum(last) else { return false }
        return utf8.allSatisfy { isAlnum($0) || $0 == 45 || $0 == 95 || $0 == 46 }
    }

    /// `IsQualifiedName`: label and annotation keys, `[prefix/]name`.
    public static func qualifiedName(_ value: String) -> [String] {
        let qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        var errors: [String] = []
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        var name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123Subdomain(String(prefix)).map { "prefix part " + $0 }
            }
        default:
            return ["a qualified name " + qualifiedNameErrMsg + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '\(qualifiedNameFmt)') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > 63 {
            errors.append("name part must be no more than 63 characters")
        }
        if !name.isEmpty, !matchesQualifiedNamePart(name) {
            errors.append("name part " + qualifiedNameErrMsg + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '\(qualifiedNameFmt)')")
        }
        return errors
    }

    /// `IsValidLabelValue`.
    public static func labelValue(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        if !value.isEmpty, !matchesQualifiedNamePart(Substring(value)) {
            errors.append("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(\(qualifiedNameFmt))?')")
        }
        return errors
    }

    /// `IsValidPortName` (IANA_SVC_NAME): named container and service ports.
    public static func portName(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 15 { errors.append("must be no more than 15 characters") }
        let utf8 = value.utf8
        if !utf8.allSatisfy({ isAlnumLower($0) || $0 == 45 }) { errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)") }
        if value.contains("--") { errors.append("must not contain consecutive hyphens") }
        if !utf8.contains(where: { $0 >= 97 && $0 <= 122 }) { errors.append("must contain at least one letter (a-z)") }
        if value.hasPrefix("-") || value.hasSuffix("-") { errors.append("must not begin or end with a hyphen") }
        return errors
    }
}
