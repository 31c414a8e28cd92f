/// kubectl's AGE column (`duration.HumanDuration`, k8s.io/apimachinery/pkg/util/duration):
/// `45s`, `5m10s` under 10 minutes, `15m`, `3h20m` under 8 hours, `10h`, `2d5h`, `30d`, `2y`.
public enum Age {
    public static func human(_ duration: VirtualDuration) -> String {
        let seconds = max(0, duration.seconds)
        if seconds < 60 * 2 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let rest = seconds % 60
            return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
        }
        if minutes < 60 * 3 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 {
            let rest = minutes % 60
            return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let rest = hours % 24
            return rest == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(rest)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        return "\(hours / 24 / 365)y"
    }
}
