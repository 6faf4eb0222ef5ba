/// Job and task counters under Hadoop's group and counter names.
public struct Counters: Sendable, Hashable, CustomStringConvertible {
    /// Counter values by group, then by counter name.
    public private(set) var groups: [String: [String: Int64]] = [:]

    /// Empty counters.
    public init() {}

    /// The value of `name` in `group`, 0 if never counted.
    public subscript(group: String, name: String) -> Int64 {
        get { groups[group]?[name] ?? 0 }
        set { groups[group, default: [:]][name] = newValue }
    }

    /// The value of a framework counter.
    public subscript(counter: TaskCounter) -> Int64 {
        get { self[counter.group, counter.rawValue] }
        set { self[counter.group, counter.rawValue] = newValue }
    }

    /// Adds every counter of `other` into this one.
    public mutating func add(_ other: Counters) {
        for (group, counters) in other.groups {
            for (name, value) in counters { self[group, name] += value }
        }
    }

    /// The counters in Hadoop's printed layout: groups, then indented `name=value` lines.
    public var description: String {
        var lines: [String] = []
        for group in groups.keys.sorted(by: Counters.groupOrder) {
            lines.append("\t\(group)")
            let counters = groups[group] ?? [:]
            let order = TaskCounter.allCases.map(\.rawValue)
            for name in counters.keys.sorted(by: { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }) {
                lines.append("\t\t\(name)=\(counters[name] ?? 0)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func groupOrder(_ a: String, _ b: String) -> Bool {
        let order = [TaskCounter.fileSystemGroup, TaskCounter.jobGroup, TaskCounter.frameworkGroup,
                     TaskCounter.inputFormatGroup, TaskCounter.outputFormatGroup]
        return (order.firstIndex(of: a) ?? order.count, a) < (order.firstIndex(of: b) ?? order.count, b)
    }
}

/// The framework's own counters, named as Hadoop names them.
public enum TaskCounter: String, CaseIterable, Sendable {
    case fileBytesRead = "FILE: Number of bytes read"
    case fileBytesWritten = "FILE: Number of bytes written"
    case launchedMaps = "Launched map tasks"
    case launchedReduces = "Launched reduce tasks"
    case failedMaps = "Failed map tasks"
    case failedReduces = "Failed reduce tasks"
    case mapInputRecords = "Map input records"
    case mapOutputRecords = "Map output records"
    case mapOutputBytes = "Map output bytes"
    case mapOutputMaterializedBytes = "Map output materialized bytes"
    case inputSplitBytes = "Input split bytes"
    case combineInputRecords = "Combine input records"
    case combineOutputRecords = "Combine output records"
    case reduceInputGroups = "Reduce input groups"
    case reduceShuffleBytes = "Reduce shuffle bytes"
    case reduceInputRecords = "Reduce input records"
    case reduceOutputRecords = "Reduce output records"
    case spilledRecords = "Spilled Records"
    case shuffledMaps = "Shuffled Maps "
    case mergedMapOutputs = "Merged Map outputs"
    case bytesRead = "Bytes Read"
    case bytesWritten = "Bytes Written"

    static let fileSystemGroup = "File System Counters"
    static let jobGroup = "Job Counters "
    static let frameworkGroup = "Map-Reduce Framework"
    static let inputFormatGroup = "File Input Format Counters "
    static let outputFormatGroup = "File Output Format Counters "

    /// The group Hadoop prints this counter under.
    public var group: String {
        switch self {
        case .fileBytesRead, .fileBytesWritten: return Self.fileSystemGroup
        case .launchedMaps, .launchedReduces, .failedMaps, .failedReduces: return Self.jobGroup
        case .bytesRead: return Self.inputFormatGroup
        case .bytesWritten: return Self.outputFormatGroup
        default: return Self.frameworkGroup
        }
    }
}
