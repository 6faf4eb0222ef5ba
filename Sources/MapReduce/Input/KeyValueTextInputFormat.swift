#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines of text files split into a key and a value, like Hadoop's
/// `KeyValueTextInputFormat`: the key is the bytes before the first separator
/// byte (`mapreduce.input.keyvaluelinerecordreader.key.value.separator`, a tab
/// by default; only its first byte counts, as in Hadoop), the value the bytes
/// after it; a line without one is all key, with an empty value.
public struct KeyValueTextInputFormat: InputFormat {
    /// The property that names the separator.
    public static let separatorKey = "mapreduce.input.keyvaluelinerecordreader.key.value.separator"
    /// The input paths: files, directories (read recursively) and globs.
    public var paths: [String]

    /// Key/value text input from `paths`.
    public init(paths: [String]) { self.paths = paths }

    public func splits(configuration: JobConfiguration) throws -> [InputSplit] {
        try TextInputFormat(paths: paths).splits(configuration: configuration)
    }

    public func makeReader(for split: InputSplit, configuration: JobConfiguration) throws -> any RecordReader {
        guard let path = split.path else { throw InputError("text input needs a file split, got \(split)") }
        let separator = configuration.string(Self.separatorKey, default: "\t").utf8.first ?? 9
        return KeyValueLineReader(lines: try LineRecordReader(path: path, start: split.start, length: split.length), separator: separator)
    }
}

/// Splits each line of a `LineRecordReader` at its first separator byte.
struct KeyValueLineReader: RecordReader {
    var lines: LineRecordReader
    let separator: UInt8

    var bytesRead: Int64 { lines.bytesRead }

    mutating func read(_ body: (InputRecord, Double) throws -> Void) throws {
        let separator = Int32(self.separator)
        try lines.read { record, progress in
            let line = record.value
            guard let base = line.baseAddress, let found = memchr(base, separator, line.count) else {
                try body(InputRecord(key: line, value: EmptyBytes.buffer, offset: record.offset), progress)
                return
            }
            let keyLength = UnsafeRawPointer(found) - base
            let key = UnsafeRawBufferPointer(start: base, count: keyLength)
            let value = UnsafeRawBufferPointer(start: base + keyLength + 1, count: line.count - keyLength - 1)
            try body(InputRecord(key: key, value: value, offset: record.offset), progress)
        }
    }
}
