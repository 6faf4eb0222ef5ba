import Foundation
import MapReduce

/// One of Hadoop's value aggregators (`org.apache.hadoop.mapred.lib.aggregate`),
/// chosen by the type prefix of a key (`LongValueSum:word`): what
/// `-reducer aggregate` runs on a streaming mapper's output.
enum ValueAggregator {
    case longSum(Int64)
    case longMax(Int64)
    case longMin(Int64)
    case doubleSum(Double)
    case stringMax(String?)
    case stringMin(String?)
    case uniqueCount(Set<String>, limit: Int64)
    case histogram([String: Int64])

    /// The type names, as a mapper spells them (matched ignoring case).
    static let typeNames = ["LongValueSum", "LongValueMax", "LongValueMin", "DoubleValueSum", "StringValueMax",
                            "StringValueMin", "UniqValueCount", "ValueHistogram"]

    init?(type: String, uniqueLimit: Int64) {
        switch type.lowercased() {
        case "longvaluesum": self = .longSum(0)
        case "longvaluemax": self = .longMax(Int64.min)
        case "longvaluemin": self = .longMin(Int64.max)
        case "doublevaluesum": self = .doubleSum(0)
        case "stringvaluemax": self = .stringMax(nil)
        case "stringvaluemin": self = .stringMin(nil)
        case "uniqvaluecount": self = .uniqueCount([], limit: uniqueLimit)
        case "valuehistogram": self = .histogram([:])
        default: return nil
        }
    }

    mutating func add(_ value: String) throws(StreamingError) {
        switch self {
        case .longSum(let sum): self = .longSum(sum &+ (try Self.long(value)))
        case .longMax(let max): self = .longMax(Swift.max(max, try Self.long(value)))
        case .longMin(let min): self = .longMin(Swift.min(min, try Self.long(value)))
        case .doubleSum(let sum):
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)) else {
                throw .badCommand("aggregate: NumberFormatException: For input string: \"\(value)\" (DoubleValueSum needs numbers)")
            }
            self = .doubleSum(sum + number)
        case .stringMax(let max): self = .stringMax(max.map { Self.javaLess($0, value) ? value : $0 } ?? value)
        case .stringMin(let min): self = .stringMin(min.map { Self.javaLess(value, $0) ? value : $0 } ?? value)
        case .uniqueCount(var values, let limit):
            if Int64(values.count) < limit { values.insert(value) }
            self = .uniqueCount(values, limit: limit)
        case .histogram(var counts):
            var item = value
            var count: Int64 = 1
            if let tab = value.lastIndex(of: "\t") {
                item = String(value[..<tab])
                count = try Self.long(String(value[value.index(after: tab)...]))
            }
            counts[item, default: 0] += count
            self = .histogram(counts)
        }
    }

    /// What the reducer writes as the value (Hadoop's `getReport`).
    var report: String {
        switch self {
        case .longSum(let value), .longMax(let value), .longMin(let value): return String(value)
        case .doubleSum(let value): return JavaDouble.string(value)
        case .stringMax(let value), .stringMin(let value): return value ?? "null"
        case .uniqueCount(let values, _): return String(values.count)
        case .histogram(let counts):
            let sorted = counts.values.sorted()
            var report = String(sorted.count)
            guard let first = sorted.first, let last = sorted.last else { return report }
            let average = Double(sorted.reduce(0, +)) / Double(sorted.count)
            let variance = sorted.reduce(0.0) { $0 + (Double($1) - average) * (Double($1) - average) } / Double(sorted.count)
            report += "\t\(first)\t\(sorted[sorted.count / 2])\t\(last)\t\(JavaDouble.string(average))\t\(JavaDouble.string(variance.squareRoot()))"
            return report
        }
    }

    /// What the combiner passes on (Hadoop's `getCombinerOutput`).
    var combinerOutput: [String] {
        switch self {
        case .uniqueCount(let values, _): return values.sorted(by: Self.javaLess)
        case .histogram(let counts): return counts.keys.sorted(by: Self.javaLess).map { "\($0)\t\(counts[$0] ?? 0)" }
        default: return [report]
        }
    }

    private static func long(_ text: String) throws(StreamingError) -> Int64 {
        guard let value = Int64(text) else {
            throw .badCommand("aggregate: NumberFormatException: For input string: \"\(text)\" (this aggregator needs whole numbers)")
        }
        return value
    }

    /// Java's `String.compareTo`: UTF-16 code unit order.
    static func javaLess(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}

/// Hadoop's `ValueAggregatorReducer`: folds the values of `TYPE:id` keys with
/// the aggregator `TYPE` names and writes `id<TAB>report`.
struct ValueAggregatorReducer: Reducer {
    let combining: Bool
    private var uniqueLimit = Int64.max

    /// The reducer, or with `combining` the combiner, which keeps the type prefix and passes partial aggregates on.
    init(combining: Bool = false) { self.combining = combining }

    mutating func setup(context: TaskContext) throws {
        uniqueLimit = try context.configuration.int("mapreduce.aggregate.max.num.unique.values", default: Int64.max)
    }

    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        let text = String(decoding: key, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else {
            throw StreamingError.badCommand("aggregate: the map output key '\(text)' has no aggregator type; the mapper must "
                + "print keys such as LongValueSum:\(text) (types: \(ValueAggregator.typeNames.joined(separator: ", ")))")
        }
        let type = String(text[..<colon])
        guard var aggregator = ValueAggregator(type: type, uniqueLimit: uniqueLimit) else {
            throw StreamingError.badCommand("aggregate: unknown aggregator type '\(type)' in key '\(text)'; "
                + "use one of \(ValueAggregator.typeNames.joined(separator: ", "))")
        }
        while let value = values.next() { try aggregator.add(String(decoding: value, as: UTF8.self)) }
        if combining {
            for line in aggregator.combinerOutput {
                try Array(line.utf8).withUnsafeBytes { try output.emit(key: key, value: $0) }
            }
        } else {
            try Array(text[text.index(after: colon)...].utf8).withUnsafeBytes { id in
                try Array(aggregator.report.utf8).withUnsafeBytes { try output.emit(key: id, value: $0) }
            }
        }
    }
}

/// Sums decimal values per key and writes the sum as decimal text: Hadoop's
/// `LongSumReducer` as a streaming job's values (text) need it; also a combiner.
struct TextLongSumReducer: Reducer {
    private var text: [UInt8] = []

    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        var sum: Int64 = 0
        while let value = values.next() {
            guard let number = Int64(String(decoding: value, as: UTF8.self)) else {
                throw StreamingError.badCommand("LongSumReducer: value '\(String(decoding: value, as: UTF8.self))' of key "
                    + "'\(String(decoding: key, as: UTF8.self))' is not a whole number")
            }
            sum &+= number
        }
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: String(sum).utf8)
        try text.withUnsafeBytes { try output.emit(key: key, value: $0) }
    }
}

/// A map function for `-mapper` given as a Java class: the identity.
struct TextIdentityMapper: Mapper {
    var keyIsOffset: Bool
    private var offsetText: [UInt8] = []

    init(keyIsOffset: Bool) { self.keyIsOffset = keyIsOffset }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        guard keyIsOffset else {
            try output.emit(key: record.key, value: record.value)
            return
        }
        offsetText.removeAll(keepingCapacity: true)
        record.offset.appendText(to: &offsetText)
        try offsetText.withUnsafeBytes { try output.emit(key: $0, value: record.value) }
    }
}
