import Foundation
import ResourceManager

/// Runs an ``Autoscaler`` against a live cluster: samples it on the cluster clock,
/// carries out resizes through ``ScalableCluster``, and keeps the history.
///
/// Attaching a policy starts the sampling loop; detaching stops it and keeps the
/// history. A resize in flight when the policy is detached runs to its end and is
/// recorded. The sampling loop holds the service until it is detached, so call
/// ``detach()`` when the cluster is deleted. Time comes from the injected ``ClusterClock``, so tests drive it with a
/// `ManualClusterClock`.
public actor AutoscalerService {
    /// Settings of the service.
    ///
    /// Keys and defaults:
    /// - `sampleInterval`: 60 s — how often the cluster is observed.
    /// - `autoscaler`: ``Autoscaler/Configuration`` defaults.
    public struct Configuration: Sendable, Hashable {
        /// How often the cluster is observed.
        public var sampleInterval: Duration
        /// The autoscaler's settings.
        public var autoscaler: Autoscaler.Configuration

        /// A configuration; see the type's documentation for the defaults.
        public init(sampleInterval: Duration = .seconds(60), autoscaler: Autoscaler.Configuration = .init()) {
            self.sampleInterval = sampleInterval
            self.autoscaler = autoscaler
        }
    }

    private let cluster: any ScalableCluster
    private let clock: any ClusterClock
    private let sampleInterval: Duration
    private var autoscaler: Autoscaler
    private let onHistoryChange: (@Sendable ([ScalingHistoryEntry]) -> Void)?
    private var reportedHistory: ScalingHistory
    private var loop: Task<Void, Never>?
    private var generation = 0
    /// The latest skips and observation failures (at most 100), newest last, for logs
    /// and status displays.
    public private(set) var notices: [String] = []

    /// A service for `cluster` on `clock`; no policy is attached yet.
    ///
    /// - Parameters:
    ///   - history: Earlier evaluations to go on from (a stored history after a restart).
    ///   - onHistoryChange: Hears the whole history, in order, each time an
    ///     evaluation is recorded or its outcome changes (to persist it).
    public init(
        cluster: any ScalableCluster, clock: any ClusterClock, configuration: Configuration = Configuration(),
        history: [ScalingHistoryEntry] = [], onHistoryChange: (@Sendable ([ScalingHistoryEntry]) -> Void)? = nil
    ) {
        self.cluster = cluster
        self.clock = clock
        self.sampleInterval = configuration.sampleInterval > .zero ? configuration.sampleInterval : .seconds(60)
        var autoscalerConfiguration = configuration.autoscaler
        autoscalerConfiguration.originDate = clock.date(of: .origin)
        self.autoscaler = Autoscaler(configuration: autoscalerConfiguration, history: history)
        self.reportedHistory = autoscaler.history
        self.onHistoryChange = onHistoryChange
    }

    /// Tells ``onHistoryChange`` of a history that differs from the one it last heard.
    private func reportHistory() {
        guard let onHistoryChange, autoscaler.history != reportedHistory else { return }
        reportedHistory = autoscaler.history
        onHistoryChange(reportedHistory.entries)
    }

    /// The evaluations so far, oldest first.
    public var history: [ScalingHistoryEntry] { autoscaler.history.entries }

    /// The attached policy, if any.
    public var policy: AutoscalingPolicy? { autoscaler.policy }

    /// When the next evaluation is due, if one is scheduled.
    public var nextEvaluation: ClusterInstant? { autoscaler.nextEvaluation }

    /// The resize the service is carrying out, if any.
    public var resizeInFlight: ResizeRequest? { autoscaler.resizeInFlight }

    /// When the service last sampled the cluster (or failed to); an evaluation due
    /// then has run, and a resize it asked for has started.
    public private(set) var lastSampleInstant: ClusterInstant?

    /// When the service samples the cluster next; nil while no policy is attached.
    /// While a resize is in flight the sample due is taken once the resize has ended.
    public private(set) var nextSampleInstant: ClusterInstant?

    /// Attaches `policy` (replacing any other) and starts sampling.
    ///
    /// - Throws: ``AutoscalingPolicyError`` when the policy is invalid.
    public func attach(_ policy: AutoscalingPolicy) throws(AutoscalingPolicyError) {
        try autoscaler.onAttach(policy, at: clock.now)
        startLoop()
    }

    /// Detaches the policy and stops sampling; the history stays.
    public func detach() {
        autoscaler.onDetach(at: clock.now)
        loop?.cancel()
        loop = nil
        nextSampleInstant = nil
        generation += 1
    }

    private func startLoop() {
        loop?.cancel()
        generation += 1
        let current = generation
        // Fixed now, not when the task first runs, so that samples fall a whole
        // number of intervals after the attachment however late the task starts.
        let first = clock.now + sampleInterval
        nextSampleInstant = first
        loop = Task { await self.run(generation: current, first: first) }
    }

    private func run(generation current: Int, first: ClusterInstant) async {
        var next = first
        while !Task.isCancelled, generation == current {
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
            guard generation == current else { return }
            await tick()
            // A late wake-up (after a long resize, or a jump of the clock) takes one
            // sample, not one per missed interval: samples of one instant would
            // outweigh the rest of the window.
            let now = clock.now
            repeat { next = next + sampleInterval } while next <= now
            guard generation == current else { return }
            nextSampleInstant = next
        }
    }

    private func tick() async {
        let observation: ClusterObservation
        do {
            observation = try await cluster.observe()
        } catch {
            lastSampleInstant = clock.now
            notice("could not observe the cluster: \(error)")
            return
        }
        let now = clock.now
        let actions = autoscaler.onSample(observation, at: now)
        lastSampleInstant = now
        reportHistory()
        for action in actions {
            switch action {
            case let .skip(skip):
                notice(skip.reason)
            case let .resize(request):
                await apply(request)
            }
        }
    }

    private func notice(_ text: String) {
        notices.append(text)
        if notices.count > 100 { notices.removeFirst(notices.count - 100) }
    }

    /// Runs the resize outside the sampling loop's task, so that detaching (which
    /// cancels the loop) never cancels an UPDATE half-way.
    private func apply(_ request: ResizeRequest) async {
        let cluster = self.cluster
        let outcome = await Task { () -> Result<String, any Error> in
            do {
                return .success(try await cluster.resize(
                    primaryWorkers: request.primaryWorkers, secondaryWorkers: request.secondaryWorkers,
                    gracefulDecommissionTimeout: request.gracefulDecommissionTimeout, requestID: request.requestID))
            } catch {
                return .failure(error)
            }
        }.value
        switch outcome {
        case let .success(name):
            autoscaler.onResizeFinished(requestID: request.requestID, operationName: name, at: clock.now)
        case let .failure(error):
            autoscaler.onResizeFinished(requestID: request.requestID, error: "\(error)", at: clock.now)
        }
        reportHistory()
    }
}
