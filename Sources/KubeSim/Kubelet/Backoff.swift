/// The kubelet's crash-loop back-off: client-go `flowcontrol.Backoff` as kuberuntime's
/// `doBackOff` uses it (pkg/kubelet/kuberuntime/kuberuntime_manager.go): the first restart is
/// immediate and starts a 10 s window; each further crash doubles it up to 300 s
/// (`MaxContainerBackOff`); an entry older than twice the maximum (10 minutes) is forgotten, so
/// a container that ran 10 minutes starts over at 10 s.
/// Docs: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts
public enum CrashBackoff {
    public static let initial: Int64 = 10
    public static let maximum: Int64 = 300

    /// When the container that finished at `finishedAt` may start again, and the updated window.
    public static func restart(finishedAt: Int64, backoff: Int64, updatedAt: Int64?) -> (at: Int64, backoff: Int64, updatedAt: Int64) {
        if let updatedAt, backoff > 0, finishedAt - updatedAt <= 2 * maximum {
            // IsInBackOffSince: wait out the window, then Next() doubles it.
            let restartAt = finishedAt + backoff
            return (restartAt, min(backoff * 2, maximum), restartAt)
        }
        // No entry (or expired): restart now; Next() opens the first 10 s window.
        return (finishedAt, initial, finishedAt)
    }
}
