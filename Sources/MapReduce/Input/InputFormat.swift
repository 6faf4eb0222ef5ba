/// Splits a job's input and reads the records of each split, like Hadoop's `InputFormat`.
public protocol InputFormat: Sendable {
    /// The splits of the input, one map task each; throws if the input is missing or unreadable.
    func splits(configuration: JobConfiguration) throws -> [InputSplit]
    /// A reader over the records of `split`.
    func makeReader(for split: InputSplit, configuration: JobConfiguration) throws -> any RecordReader
}

/// Reads the records of one split, pushing each to a closure.
public protocol RecordReader {
    /// Calls `body` with every record, in order. A record's bytes are valid only
    /// during the call. `progress` in the record says how far through the split it is.
    mutating func read(_ body: (InputRecord, _ progress: Double) throws -> Void) throws
    /// Bytes read from storage so far.
    var bytesRead: Int64 { get }
}

/// A piece of input processed by one map task.
public struct InputSplit: Sendable, Hashable, CustomStringConvertible {
    /// The file, for file-based formats.
    public var path: String?
    /// The first byte of the split in the file, or the first item of a generated range.
    public var start: Int64
    /// The split's length in bytes, or the number of generated items.
    public var length: Int64
    /// The split's position among all splits.
    public var index: Int
    /// The input root the file was found under, so jobs can name files relative to it.
    public var root: String?

    /// A split.
    public init(path: String?, start: Int64, length: Int64, index: Int, root: String? = nil) {
        self.path = path
        self.start = start
        self.length = length
        self.index = index
        self.root = root
    }

    /// The file's path relative to the input root it was found under
    /// (the file name when the root is the file itself).
    public var relativePath: String? {
        guard let path else { return nil }
        guard let root, path.hasPrefix(root + "/") else {
            return path.split(separator: "/").last.map(String.init) ?? path
        }
        return String(path.dropFirst(root.count + 1))
    }

    public var description: String {
        if let path { return "\(path):\(start)+\(length)" }
        return "generated:\(start)+\(length)"
    }
}

/// An input problem reported before any task runs.
public struct InputError: Error, CustomStringConvertible, Sendable {
    /// The message, in Hadoop's wording where Hadoop has one.
    public var message: String

    /// An input error with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
