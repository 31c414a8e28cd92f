import KubeModel

/// One plugin's (or the total) score for one node.
public struct NodeScore: Equatable, Sendable {
    public var name: String
    public var score: Int64

    public init(name: String, score: Int64) {
        self.name = name
        self.score = score
    }
}

/// What one scheduling attempt decided.
public enum SchedulingResult: Sendable {
    /// Bind the pod to `node`; `scores` are the weighted totals of every feasible node, best first.
    case scheduled(node: String, scores: [NodeScore])
    /// No node fits. Record `FitError.message` as the `FailedScheduling` event and the
    /// `PodScheduled=False` condition (reason `Unschedulable`); act on `preemption`.
    case unschedulable(FitError, preemption: PreemptionOutcome)

    /// The chosen node, if any.
    public var nodeName: String? {
        if case .scheduled(let node, _) = self { return node }
        return nil
    }
}

/// What DefaultPreemption decided for a pod that fits nowhere.
///
/// Upstream: `pkg/scheduler/framework/preemption/preemption.go` and
/// `plugins/defaultpreemption/default_preemption.go`, v1.33.0. When victims are found the caller
/// deletes them, sets the pod's `status.nominatedNodeName` and schedules it again once they are
/// gone. Otherwise `message` holds the PostFilter text also appended to `FitError.message`.
public struct PreemptionOutcome: Equatable, Sendable {
    /// The node to nominate, when preemption can make room.
    public var nominatedNodeName: String?
    /// The lower-priority pods to delete from that node, most important first.
    public var victims: [Pod]
    /// `preemption: 0/N nodes are available: …` or `preemption: not eligible due to
    /// preemptionPolicy=Never.`, or empty when victims were found.
    public var message: String

    public init(nominatedNodeName: String? = nil, victims: [Pod] = [], message: String = "") {
        self.nominatedNodeName = nominatedNodeName
        self.victims = victims
        self.message = message
    }

    public var isHelpful: Bool { nominatedNodeName != nil }
}

/// The data behind `why <pod>`: every node × every filter plugin, and the weighted scores of the
/// nodes that passed. Unlike a real scheduler it runs every filter on every node, so a learner
/// sees all the reasons, not only the first.
public struct SchedulingExplanation: Equatable, Sendable {
    /// One filter plugin's verdict on one node.
    public enum Verdict: Equatable, Sendable {
        case passed
        /// PreFilter said the plugin has nothing to check for this pod.
        case skipped
        case rejected(Status)
    }

    public struct NodeRow: Equatable, Sendable {
        public var node: String
        /// One verdict per `filterPlugins` entry, in that order.
        public var verdicts: [Verdict]
        public var isFeasible: Bool { verdicts.allSatisfy { if case .rejected = $0 { false } else { true } } }
    }

    public struct ScoreRow: Equatable, Sendable {
        public var node: String
        /// Normalised score × weight per `scorePlugins` entry (nil when the plugin skipped).
        public var weightedScores: [Int64?]
        public var total: Int64
    }

    public var pod: String
    public var filterPlugins: [String]
    /// Score plugin names with their weights.
    public var scorePlugins: [(name: String, weight: Int64)]
    public var nodes: [NodeRow]
    /// Feasible nodes, best total first (ties by name, as `schedule` breaks them).
    public var scores: [ScoreRow]
    /// A PreFilter rejection that applies to every node, when there is one.
    public var preFilterRejection: Status?
    /// What `schedule` would do.
    public var chosenNode: String?
    public var fitErrorMessage: String?

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.pod == rhs.pod && lhs.filterPlugins == rhs.filterPlugins
            && lhs.scorePlugins.map(\.name) == rhs.scorePlugins.map(\.name)
            && lhs.scorePlugins.map(\.weight) == rhs.scorePlugins.map(\.weight)
            && lhs.nodes == rhs.nodes && lhs.scores == rhs.scores && lhs.preFilterRejection == rhs.preFilterRejection
            && lhs.chosenNode == rhs.chosenNode && lhs.fitErrorMessage == rhs.fitErrorMessage
    }
}
