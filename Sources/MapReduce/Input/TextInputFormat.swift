/// Lines of text files, like Hadoop's `TextInputFormat`: the key is the byte
/// offset of the line (an `Int64`), the value the line without its terminator.
public struct TextInputFormat: InputFormat {
    /// The input paths: files, directories (read recursively) and globs.
    public var paths: [String]

    /// Text input from `paths`.
    public init(paths: [String]) { self.paths = paths }

    public func splits(configuration: JobConfiguration) throws -> [InputSplit] {
        try FileSplitter.splits(of: InputPaths.expand(paths), configuration: configuration)
    }

    public func makeReader(for split: InputSplit, configuration: JobConfiguration) throws -> any RecordReader {
        guard let path = split.path else { throw InputError("text input needs a file split, got \(split)") }
        return try LineRecordReader(path: path, start: split.start, length: split.length)
    }
}
