import Foundation

/// A mistake in a cluster's name or configuration, naming the field, the value and the fix.
///
/// `field` is the proto3 JSON path from the `Cluster` message
/// (`config.workerConfig.numInstances`), so an edge can point at the line of a
/// YAML file or fill a `BadRequest.fieldViolations` entry.
public enum ClusterConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cluster name breaks Dataproc's rules; `problem` says which.
    case invalidClusterName(name: String, problem: String)
    /// Exactly one primary worker was asked for; Dataproc needs 0 or at least 2.
    case onePrimaryWorker(cluster: String?)
    /// Zero primary workers were asked for without `dataproc:dataproc.allow.zero.workers`.
    case zeroPrimaryWorkersNotAllowed(cluster: String?)
    /// The master group has a count other than 1 or 3.
    case invalidMasterCount(cluster: String?, count: Int)
    /// A count that must not be negative is.
    case negativeCount(field: String, value: Int)
    /// A size that must be positive is zero or negative.
    case nonPositiveSize(field: String, value: Int, unit: String)
    /// `minNumInstances` exceeds `numInstances`.
    case minimumAboveCount(field: String, minimum: Int, count: Int)
    /// The master or primary workers were made preemptible.
    case preemptiblePrimaryGroup(field: String, value: Preemptibility)
    /// The machine type is not in the catalog.
    case unknownMachineType(field: String, name: String)
    /// A lifecycle duration lies outside its allowed range.
    case durationOutOfRange(field: String, value: GoogleDuration, minimum: GoogleDuration, maximum: GoogleDuration)
    /// A lifecycle time lies outside 10 minutes to 14 days from now.
    case timeOutOfRange(field: String, value: GoogleTimestamp, now: GoogleTimestamp)
    /// Two fields that exclude each other are both set.
    case mutuallyExclusive(field: String, other: String)
    /// A cluster property has a value its key cannot take.
    case invalidProperty(key: String, value: String, expected: String)
    /// A container size exceeds what a single node or the scheduler can give.
    case containerTooLarge(key: String, value: Int, limitKey: String, limit: Int)

    /// The proto3 JSON path of the offending field.
    public var field: String {
        switch self {
        case .invalidClusterName: "clusterName"
        case .onePrimaryWorker, .zeroPrimaryWorkersNotAllowed: "config.workerConfig.numInstances"
        case .invalidMasterCount: "config.masterConfig.numInstances"
        case .negativeCount(let field, _), .nonPositiveSize(let field, _, _), .minimumAboveCount(let field, _, _),
             .preemptiblePrimaryGroup(let field, _), .unknownMachineType(let field, _),
             .durationOutOfRange(let field, _, _, _), .timeOutOfRange(let field, _, _),
             .mutuallyExclusive(let field, _):
            field
        case .invalidProperty(let key, _, _), .containerTooLarge(let key, _, _, _):
            "config.softwareConfig.properties.\(key)"
        }
    }

    /// What is wrong, naming the object and the value.
    public var message: String {
        switch self {
        case let .invalidClusterName(name, problem):
            return "cluster name '\(name)' \(problem)"
        case let .onePrimaryWorker(cluster):
            return "\(Self.subject(cluster)) needs 0 or at least 2 primary workers, got 1"
        case let .zeroPrimaryWorkersNotAllowed(cluster):
            return "\(Self.subject(cluster)) has 0 primary workers but does not allow zero workers"
        case let .invalidMasterCount(cluster, count):
            return "\(Self.subject(cluster)) needs 1 master (or 3 for high availability), got \(count)"
        case let .negativeCount(field, value):
            return "\(Self.leaf(field)) must not be negative, got \(value)"
        case let .nonPositiveSize(field, value, unit):
            return "\(Self.leaf(field)) must be at least 1 \(unit), got \(value)"
        case let .minimumAboveCount(field, minimum, count):
            return "\(Self.leaf(field)) \(minimum) is more than numInstances \(count)"
        case let .preemptiblePrimaryGroup(field, value):
            return "\(Self.leaf(field)) \(value.rawValue) is only allowed for secondary workers"
        case let .unknownMachineType(_, name):
            return "unknown machine type '\(name)'; known types are \(MachineType.catalogSummary)"
        case let .durationOutOfRange(field, value, minimum, maximum):
            return "\(Self.leaf(field)) \(value) is outside \(Self.short(minimum))–\(Self.short(maximum))"
        case let .timeOutOfRange(field, value, now):
            return "\(Self.leaf(field)) \(value) is not between 10m and 14d after \(now)"
        case let .mutuallyExclusive(field, other):
            return "\(Self.leaf(field)) and \(other) cannot both be set"
        case let .invalidProperty(key, value, expected):
            return "property \(key) is '\(value)', not \(expected)"
        case let .containerTooLarge(key, value, limitKey, limit):
            return "property \(key) asks for \(value) but \(limitKey) is \(limit), so no container could ever be placed"
        }
    }

    /// How to fix it.
    public var fix: String {
        switch self {
        case .invalidClusterName:
            return "use up to 51 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen"
        case .onePrimaryWorker:
            return "set workerConfig.numInstances to 2 or more, or to 0 with property dataproc:dataproc.allow.zero.workers: 'true' for a single-node cluster"
        case .zeroPrimaryWorkersNotAllowed:
            return "add property dataproc:dataproc.allow.zero.workers: 'true' for a single-node cluster, or set workerConfig.numInstances to 2 or more"
        case .invalidMasterCount:
            return "set masterConfig.numInstances to 1, or 3 for high availability"
        case let .negativeCount(field, _):
            return "set \(Self.leaf(field)) to 0 or more"
        case let .nonPositiveSize(field, _, _):
            return "set \(Self.leaf(field)) to a positive number, or remove it to use the default"
        case .minimumAboveCount:
            return "lower minNumInstances to at most numInstances, or remove it"
        case .preemptiblePrimaryGroup:
            return "remove preemptibility or set it to NON_PREEMPTIBLE; put preemptible VMs in secondaryWorkerConfig"
        case .unknownMachineType:
            return "use an n1, n2 or e2 standard/highmem/highcpu type such as n1-standard-4, or e2-medium/small/micro"
        case let .durationOutOfRange(_, _, minimum, maximum):
            return "choose a duration between \(minimum) (\(Self.short(minimum))) and \(maximum) (\(Self.short(maximum)))"
        case .timeOutOfRange:
            return "choose a time between 10 minutes and 14 days from now, or use the matching TTL instead"
        case let .mutuallyExclusive(field, other):
            return "keep only one of \(Self.leaf(field)) and \(other)"
        case let .invalidProperty(key, _, expected):
            return "set \(key) to \(expected), or remove it to use the machine type's default"
        case let .containerTooLarge(key, _, limitKey, _):
            return "lower \(key) or raise \(limitKey)"
        }
    }

    /// The message followed by the fix.
    public var description: String { "\(message); \(fix)" }

    private static func subject(_ cluster: String?) -> String {
        cluster.map { "cluster '\($0)'" } ?? "the cluster"
    }

    private static func leaf(_ field: String) -> String {
        field.split(separator: ".").last.map(String.init) ?? field
    }

    // Durations in messages read as people write them ("5m", "14d"), not "300s".
    private static func short(_ duration: GoogleDuration) -> String {
        let seconds = duration.nanoseconds / 1_000_000_000
        guard duration.nanoseconds % 1_000_000_000 == 0 else { return duration.description }
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where seconds >= size && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
