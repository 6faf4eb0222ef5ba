/// Partitions on chosen fields of the key, like Hadoop's `KeyFieldBasedPartitioner`:
/// keys are split into fields at `mapreduce.map.output.key.field.separator` (a tab
/// by default) and `mapreduce.partition.keypartitioner.options` picks them with
/// `sort`-style specs (`-k1,1`, `-k2.3,2`), so all keys that agree on those
/// fields meet in one reducer — the secondary-sort idiom. The hash is Hadoop's
/// own (`31 * h + byte`, bytes signed), so a key lands in the partition it would on Hadoop.
public struct KeyFieldBasedPartitioner: Partitioner {
    /// The property that holds the key specs.
    public static let optionsKey = "mapreduce.partition.keypartitioner.options"
    /// The property that holds the field separator.
    public static let separatorKey = "mapreduce.map.output.key.field.separator"
    /// The old property that names a number of leading fields (`-k1,N`).
    public static let legacyFieldsKey = "num.key.fields.for.partition"

    /// One `-kPOS1[,POS2]` spec: fields and characters are 1-based; an end field of 0 is the key's end.
    public struct KeySpec: Sendable, Hashable {
        var beginField = 1
        var beginChar = 1
        var endField = 0
        var endChar = 0
    }

    let separator: [UInt8]
    let specs: [KeySpec]

    /// A partitioner configured from `configuration`.
    ///
    /// - Throws: `ConfigurationError` for options it cannot read.
    public init(configuration: JobConfiguration) throws {
        separator = Array(configuration.string(Self.separatorKey, default: "\t").utf8)
        if let options = configuration[Self.optionsKey] {
            specs = try Self.parse(options)
        } else if configuration[Self.legacyFieldsKey] != nil {
            let fields = try configuration.int(Self.legacyFieldsKey, default: 0)
            specs = fields > 0 ? [KeySpec(beginField: 1, beginChar: 1, endField: Int(fields), endChar: 0)] : []
        } else {
            specs = []
        }
        guard !separator.isEmpty else {
            throw ConfigurationError(key: Self.separatorKey, value: "", expected: "a non-empty separator")
        }
    }

    /// Parses `-k` specs; ordering flags (`n`, `r`, `b`…) are accepted and, as in Hadoop's partitioner, ignored.
    static func parse(_ options: String) throws -> [KeySpec] {
        var specs: [KeySpec] = []
        let words = options.split(separator: " ").map(String.init)
        var index = 0
        while index < words.count {
            var word = words[index]
            index += 1
            guard word.hasPrefix("-k") else { continue }
            word.removeFirst(2)
            if word.isEmpty, index < words.count {
                word = words[index]
                index += 1
            }
            let positions = word.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard positions.count <= 2, let begin = position(positions[0]), begin.field > 0 else {
                throw ConfigurationError(key: optionsKey, value: options, expected: "sort-style key specs such as -k1,1 or -k2.3,2")
            }
            var spec = KeySpec(beginField: begin.field, beginChar: max(1, begin.char), endField: 0, endChar: 0)
            if positions.count == 2 {
                guard let end = position(positions[1]) else {
                    throw ConfigurationError(key: optionsKey, value: options, expected: "sort-style key specs such as -k1,1 or -k2.3,2")
                }
                spec.endField = end.field
                spec.endChar = end.char
            }
            specs.append(spec)
        }
        return specs
    }

    /// `F[.C][flags]`.
    private static func position(_ text: String) -> (field: Int, char: Int)? {
        let digitsAndDot = text.prefix { $0.isNumber || $0 == "." }
        let parts = digitsAndDot.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, let field = Int(first), parts.count <= 2 else { return nil }
        let char = parts.count == 2 ? (Int(parts[1]) ?? -1) : 0
        return char < 0 ? nil : (field, char)
    }

    public func partition(key: UnsafeRawBufferPointer, partitions: Int) -> Int {
        guard key.count > 0 else { return 0 }
        var hash: Int32 = 0
        if specs.isEmpty {
            for byte in key { hash = hash &* 31 &+ Int32(Int8(bitPattern: byte)) }
        } else {
            let fields = fieldLengths(key)
            for spec in specs {
                guard let start = startOffset(key, fields, spec) else { continue }
                let end = endOffset(key, fields, spec)
                if start <= end {
                    for i in start...end { hash = hash &* 31 &+ Int32(Int8(bitPattern: key[i])) }
                }
            }
        }
        return Int(hash & Int32.max) % partitions
    }

    /// The length of every field of `key`.
    private func fieldLengths(_ key: UnsafeRawBufferPointer) -> [Int] {
        var lengths: [Int] = []
        var fieldStart = 0
        var i = 0
        while i + separator.count <= key.count {
            if key[i] == separator[0] && (separator.count == 1 || zip(key[i..<(i + separator.count)], separator).allSatisfy(==)) {
                lengths.append(i - fieldStart)
                i += separator.count
                fieldStart = i
            } else {
                i += 1
            }
        }
        lengths.append(key.count - fieldStart)
        return lengths
    }

    private func fieldStart(_ field: Int, _ lengths: [Int]) -> Int {
        var position = 0
        for i in 0..<(field - 1) { position += lengths[i] + separator.count }
        return position
    }

    private func startOffset(_ key: UnsafeRawBufferPointer, _ lengths: [Int], _ spec: KeySpec) -> Int? {
        guard lengths.count >= spec.beginField else { return nil }
        let position = fieldStart(spec.beginField, lengths)
        return position + spec.beginChar <= key.count ? position + spec.beginChar - 1 : nil
    }

    private func endOffset(_ key: UnsafeRawBufferPointer, _ lengths: [Int], _ spec: KeySpec) -> Int {
        guard spec.endField > 0, lengths.count >= spec.endField else { return key.count - 1 }
        var position = fieldStart(spec.endField, lengths)
        if spec.endChar == 0 { position += lengths[spec.endField - 1] }
        return position + spec.endChar <= key.count ? position + spec.endChar - 1 : key.count - 1
    }
}
