import Foundation

/// `validateTimeZone` (pkg/apis/batch/validation): an IANA name Go's `time.LoadLocation` accepts.
enum TimeZoneCheck {
    static func isValid(_ name: String) -> Bool {
        if name.isEmpty || name == "Local" { return name != "Local" && !name.isEmpty }
        return TimeZone(identifier: name) != nil
    }
}
