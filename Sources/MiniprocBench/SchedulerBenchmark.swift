import Foundation
import ResourceManager
import SeededRandom

/// Measures the resource manager at the scale YARN's own figures describe:
/// node churn on a 1,000-node cluster, then 1,000,000 container allocations
/// with releases, so the cluster stays busy and the queue sometimes blocks.
///
/// Arguments (all optional): `--nodes N` (1000), `--containers N` (1000000),
/// `--live N` (containers kept running, 7000: enough that
/// the cluster sometimes runs out of vcores and requests wait), `--seed N` (42),
/// `--policy spread|firstFit` (spread). Prints one `name: value unit` line per
/// figure.
enum SchedulerBenchmark {
    /// A bad command-line argument, with what to write instead.
    struct ArgumentError: Error, CustomStringConvertible {
        /// What was wrong and how to fix it.
        var description: String
    }

    /// Runs the benchmark and prints its figures.
    static func run(arguments: [String]) throws {
        let options = try Options(arguments: arguments)
        let clock = ContinuousClock()
        // Two worker shapes, as a cluster with primary n2-standard-16 and
        // secondary n2-standard-8 workers would have.
        func capacity(_ index: Int) -> (NodeRole, Resources) {
            index % 5 == 4
                ? (.secondary, Resources(memoryMB: 27_088, vcores: 8))
                : (.primary, Resources(memoryMB: 54_176, vcores: 16))
        }
        let names = (0..<options.nodes).map { "bench-w-\($0)" }

        // Node churn on an empty resource manager.
        var churn = ResourceManagerState(configuration: ResourceManagerConfiguration(placementPolicy: options.policy))
        var churnIDs: [NodeID] = []
        churnIDs.reserveCapacity(options.nodes)
        let createStart = clock.now
        for index in 0..<options.nodes {
            let (role, resources) = capacity(index)
            churnIDs.append(try churn.addNode(name: names[index], role: role, capacity: resources))
        }
        let createSeconds = seconds(clock.now - createStart)
        let deleteEmptyStart = clock.now
        for id in churnIDs { try churn.removeNode(id) }
        let deleteEmptySeconds = seconds(clock.now - deleteEmptyStart)

        // The allocation run.
        var state = ResourceManagerState(configuration: ResourceManagerConfiguration(placementPolicy: options.policy))
        var nodeIDs: [NodeID] = []
        for index in 0..<options.nodes {
            let (role, resources) = capacity(index)
            nodeIDs.append(try state.addNode(name: names[index], role: role, capacity: resources))
        }
        let applications = (0..<100).map { state.submitApplication(name: "bench-\($0)") }
        let sizes = [
            Resources(memoryMB: 1024, vcores: 1), Resources(memoryMB: 2048, vcores: 1),
            Resources(memoryMB: 3386, vcores: 1), Resources(memoryMB: 4096, vcores: 2),
            Resources(memoryMB: 6772, vcores: 2), Resources(memoryMB: 13_544, vcores: 4),
        ]
        var generator = SeededGenerator(seed: options.seed)
        // Plain modulo rather than `next(below:)`: the slight bias does not matter
        // here, and it keeps the event sequence, and so the figures, of earlier runs.
        func pick(below bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        var live: [ContainerID] = []
        live.reserveCapacity(options.live * 2)
        var placedCount = 0
        var releasedCount = 0
        var rounds = 0
        var blockedRounds = 0
        var peakPending: Int64 = 0

        let runStart = clock.now
        while placedCount < options.containers {
            rounds += 1
            let application = applications[pick(below: applications.count)]
            let size = sizes[pick(below: sizes.count)]
            let wanted = min(1 + pick(below: 64), options.containers - placedCount)
            _ = try state.requestContainers(wanted, of: size, for: application)
            let placed = state.schedule()
            placedCount += placed.count
            for container in placed { live.append(container.id) }
            let pending = state.metrics.containersPending
            if pending > 0 { blockedRounds += 1 }
            peakPending = max(peakPending, pending)
            // Random tasks finish, keeping the cluster near `live` containers;
            // when the cluster is full, time passes and some finish anyway,
            // so the queue drains instead of growing without end.
            var finishing = max(0, live.count - options.live)
            if placed.isEmpty, pending > 0 { finishing = max(finishing, min(live.count, wanted)) }
            for _ in 0..<finishing {
                let index = pick(below: live.count)
                try state.releaseContainer(live[index])
                live.swapAt(index, live.count - 1)
                live.removeLast()
                releasedCount += 1
            }
        }
        let runSeconds = seconds(clock.now - runStart)

        let liveAtEnd = state.metrics.containersAllocated
        let deleteBusyStart = clock.now
        var killed = 0
        for id in nodeIDs { killed += try state.removeNode(id).count }
        let deleteBusySeconds = seconds(clock.now - deleteBusyStart)

        let violations = state.invariantViolations()
        guard violations.isEmpty else {
            throw ArgumentError(description: "the resource manager is inconsistent after the run: \(violations.prefix(3))")
        }

        print("scheduler.policy: \(options.policy.rawValue) policy")
        print("scheduler.nodes: \(options.nodes) nodes")
        print("scheduler.create_1000_nodes: \(format(createSeconds, digits: 6)) s")
        print("scheduler.delete_1000_nodes: \(format(deleteEmptySeconds, digits: 6)) s")
        print("scheduler.allocations: \(placedCount) allocations")
        print("scheduler.releases: \(releasedCount) releases")
        print("scheduler.requests: \(rounds) requests")
        print("scheduler.rounds_with_pending: \(blockedRounds) rounds")
        print("scheduler.peak_pending_containers: \(peakPending) containers")
        print("scheduler.allocation_run: \(format(runSeconds, digits: 3)) s")
        print("scheduler.allocations_per_second: \(Int((Double(placedCount) / runSeconds).rounded())) allocations/s")
        print("scheduler.delete_1000_busy_nodes: \(format(deleteBusySeconds, digits: 6)) s")
        print("scheduler.containers_killed_by_delete: \(killed) containers")
        print("scheduler.live_containers_at_end: \(liveAtEnd) containers")
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private struct Options {
        var nodes = 1000
        var containers = 1_000_000
        var live = 7000
        var seed: UInt64 = 42
        var policy = PlacementPolicy.spread

        init(arguments: [String]) throws {
            var remaining = arguments[...]
            while let flag = remaining.popFirst() {
                guard let value = remaining.popFirst() else {
                    throw ArgumentError(description: "\(flag) needs a value, e.g. \(flag) 1000")
                }
                switch flag {
                case "--nodes": nodes = try Self.positive(value, flag)
                case "--containers": containers = try Self.positive(value, flag)
                case "--live": live = try Self.positive(value, flag)
                case "--seed": seed = UInt64(try Self.positive(value, flag))
                case "--policy":
                    guard let parsed = PlacementPolicy(rawValue: value) else {
                        throw ArgumentError(description: "--policy must be spread or firstFit, got '\(value)'")
                    }
                    policy = parsed
                default:
                    throw ArgumentError(description: "unknown argument '\(flag)'; use --nodes, --containers, --live, --seed or --policy")
                }
            }
        }

        private static func positive(_ text: String, _ flag: String) throws -> Int {
            guard let value = Int(text), value > 0 else {
                throw ArgumentError(description: "\(flag) takes a positive whole number, got '\(text)'")
            }
            return value
        }
    }
}
