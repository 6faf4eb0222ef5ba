import Foundation
import ResourceManager

/// Dataproc's autoscaler for one cluster as a pure state machine.
///
/// It holds no clock, task or actor: its owner feeds it events with the cluster
/// clock's instant and carries out the actions it returns. ``AutoscalerService``
/// is the owner for a live cluster; the simulator is the owner on virtual time.
///
/// Driving it:
/// 1. ``onAttach(_:at:)`` when a policy is attached to a cluster (at creation or by
///    an update). The first evaluation is due one cooldown period later.
/// 2. ``onSample(_:at:)`` at every sampling tick (every minute, say) with the
///    cluster's state, shape and YARN metrics. Samples go into the window; when an
///    evaluation is due the autoscaler averages the window, calls
///    ``AutoscalingPolicy/decideScaling(window:shape:)`` and records the decision in
///    ``history``. A decision that changes the cluster returns ``AutoscalerAction/resize(_:)``.
/// 3. ``onResizeStarted(requestID:operationName:)`` (optional) once the UPDATE
///    operation has a name, and ``onResizeFinished(requestID:operationName:error:at:)``
///    when it ends. The next evaluation is due one cooldown period after that end.
/// 4. ``onDetach(at:)`` when the policy is removed: evaluations stop, the history stays.
///
/// Rules, after Dataproc:
/// - Evaluations run once per cooldown period, counted from the end of the last
///   scaling operation (or from attachment); never while a resize is in flight.
/// - The window is the samples of the last cooldown period taken since the last
///   evaluation or the end of the last operation, whichever is later.
/// - While the cluster is not `RUNNING` a due evaluation is skipped, with
///   ``AutoscalerAction/skip(_:)`` saying why, and runs at the first sample that
///   finds it `RUNNING`.
public struct Autoscaler: Sendable {
    /// Settings of an autoscaler.
    ///
    /// Keys and defaults:
    /// - `historyLimit`: 1000 — evaluations kept in ``Autoscaler/history``.
    /// - `originDate`: the Unix epoch — the date of the cluster clock's origin, used to
    ///   timestamp samples and history entries (use the clock's `date(of: .origin)`).
    /// - `requestIDPrefix`: `"autoscaler"` — resize requests are `PREFIX-1`, `PREFIX-2`, ….
    public struct Configuration: Sendable, Hashable {
        /// Evaluations kept in the history.
        public var historyLimit: Int
        /// The date of the cluster clock's origin.
        public var originDate: Date
        /// The prefix of resize request ids.
        public var requestIDPrefix: String

        /// A configuration; see the type's documentation for the defaults.
        public init(
            historyLimit: Int = 1000,
            originDate: Date = Date(timeIntervalSince1970: 0),
            requestIDPrefix: String = "autoscaler"
        ) {
            self.historyLimit = historyLimit
            self.originDate = originDate
            self.requestIDPrefix = requestIDPrefix
        }
    }

    /// The settings this autoscaler was created with.
    public let configuration: Configuration
    /// The attached policy; nil when detached.
    public private(set) var policy: AutoscalingPolicy?
    /// Every evaluation, oldest first, bounded by `configuration.historyLimit`.
    public private(set) var history: ScalingHistory
    /// When the next evaluation is due; nil while detached or while a resize is in flight.
    public private(set) var nextEvaluation: ClusterInstant?
    /// The resize in flight, if any.
    public private(set) var resizeInFlight: ResizeRequest?
    /// The latest skipped evaluation, cleared by the next evaluation.
    public private(set) var lastSkip: AutoscalerSkip?

    private var window: [(instant: ClusterInstant, sample: YarnMetricsSample)] = []
    private var inFlightHistorySequence: Int?
    private var operationName: String?
    private var requestCount = 0

    /// A detached autoscaler whose history goes on from `earlier` (oldest first;
    /// empty for a new cluster, the stored history after a restart).
    public init(configuration: Configuration = Configuration(), history earlier: [ScalingHistoryEntry] = []) {
        self.configuration = configuration
        self.history = ScalingHistory(limit: configuration.historyLimit)
        for entry in earlier { history.append(entry) }
    }

    /// Whether a policy is attached.
    public var isAttached: Bool { policy != nil }

    /// The date of a cluster instant.
    public func date(of instant: ClusterInstant) -> Date {
        configuration.originDate.addingTimeInterval(instant.seconds)
    }

    // MARK: Events

    /// A policy was attached (or replaced): evaluations start, the first one a
    /// cooldown period from `now`, or a cooldown period after the resize in flight ends.
    ///
    /// - Throws: ``AutoscalingPolicyError`` when the policy is invalid; the autoscaler
    ///   is then unchanged.
    public mutating func onAttach(_ policy: AutoscalingPolicy, at now: ClusterInstant) throws(AutoscalingPolicyError) {
        try policy.validate()
        self.policy = policy
        window.removeAll()
        lastSkip = nil
        nextEvaluation = resizeInFlight == nil ? now + policy.basicAlgorithm.cooldownPeriod.duration : nil
    }

    /// The policy was detached: evaluations stop and the window is dropped; the
    /// history stays, and a resize in flight is still recorded when it ends.
    public mutating func onDetach(at now: ClusterInstant) {
        policy = nil
        nextEvaluation = nil
        window.removeAll()
        lastSkip = nil
    }

    /// A sampling tick: records the metrics and evaluates if an evaluation is due.
    ///
    /// - Returns: ``AutoscalerAction/resize(_:)`` when the decision changes the cluster,
    ///   ``AutoscalerAction/skip(_:)`` when an evaluation is due but the cluster is not
    ///   `RUNNING`, nothing otherwise.
    /// - Complexity: O(w) for w samples in the window.
    public mutating func onSample(_ observation: ClusterObservation, at now: ClusterInstant) -> [AutoscalerAction] {
        guard let policy else { return [] }
        let cooldown = policy.basicAlgorithm.cooldownPeriod.duration
        let metrics = observation.metrics
        window.append((now, YarnMetricsSample(
            time: date(of: now),
            pendingMemoryMB: Int(metrics.memoryMBPending),
            availableMemoryMB: Int(metrics.memoryMBAvailable),
            allocatedMemoryMB: Int(metrics.memoryMBAllocated),
            reservedMemoryMB: Int(metrics.memoryMBReserved)
        )))
        // Keep only the last cooldown period, so that a long stop cannot grow the window.
        let oldest = now + (Duration.zero - cooldown)
        if let firstKept = window.firstIndex(where: { $0.instant > oldest }), firstKept > 0 {
            window.removeFirst(firstKept)
        }

        guard resizeInFlight == nil, let due = nextEvaluation, now >= due else { return [] }
        guard observation.state == .running else {
            let skip = AutoscalerSkip(
                instant: now, time: date(of: now), state: observation.state,
                reason: "skipped: the cluster is \(observation.state), not RUNNING; evaluating once it is RUNNING again"
            )
            lastSkip = skip
            return [.skip(skip)]
        }
        return evaluate(policy: policy, shape: observation.shape, at: now)
    }

    /// The UPDATE operation carrying `requestID` got its name; the history shows it.
    public mutating func onResizeStarted(requestID: String, operationName: String) {
        guard resizeInFlight?.requestID == requestID, let sequence = inFlightHistorySequence else { return }
        self.operationName = operationName
        history.updateOutcome(sequence: sequence, .inProgress(operationName: operationName))
    }

    /// The UPDATE operation carrying `requestID` ended, successfully when `error` is
    /// nil. The next evaluation is due one cooldown period from `now`, and the window
    /// starts afresh.
    ///
    /// - Parameter operationName: The operation's name, if known; defaults to the one
    ///   given to ``onResizeStarted(requestID:operationName:)``, else the request id.
    public mutating func onResizeFinished(
        requestID: String, operationName: String? = nil, error: String? = nil, at now: ClusterInstant
    ) {
        guard resizeInFlight?.requestID == requestID else { return }
        let name = operationName ?? self.operationName ?? requestID
        if let sequence = inFlightHistorySequence {
            history.updateOutcome(sequence: sequence, error.map { .failed(operationName: name, message: $0) } ?? .succeeded(operationName: name))
        }
        resizeInFlight = nil
        inFlightHistorySequence = nil
        self.operationName = nil
        window.removeAll()
        if let policy {
            nextEvaluation = now + policy.basicAlgorithm.cooldownPeriod.duration
        }
    }

    // MARK: Evaluation

    private mutating func evaluate(policy: AutoscalingPolicy, shape: ClusterShape, at now: ClusterInstant) -> [AutoscalerAction] {
        let decision = policy.decideScaling(window: window.map(\.sample), shape: shape)
        window.removeAll()
        lastSkip = nil
        guard decision.changesCluster else {
            history.append(ScalingHistoryEntry(time: date(of: now), decision: decision, outcome: .noChange))
            nextEvaluation = now + policy.basicAlgorithm.cooldownPeriod.duration
            return []
        }
        requestCount += 1
        let request = ResizeRequest(
            requestID: "\(configuration.requestIDPrefix)-\(requestCount)",
            primaryWorkers: decision.targetPrimaryWorkers,
            secondaryWorkers: decision.targetSecondaryWorkers,
            gracefulDecommissionTimeout: policy.basicAlgorithm.yarnConfig.gracefulDecommissionTimeout.duration,
            decision: decision
        )
        inFlightHistorySequence = history.append(ScalingHistoryEntry(
            time: date(of: now), decision: decision, outcome: .inProgress(operationName: request.requestID)))
        resizeInFlight = request
        nextEvaluation = nil
        return [.resize(request)]
    }
}
