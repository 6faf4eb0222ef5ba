/// Fixed-length binary records, like TeraSort's `TeraInputFormat`: every record
/// has `recordLength` bytes, the first `keyLength` of which are its key.
/// Splits are cut on record boundaries.
public struct FixedLengthInputFormat: InputFormat {
    /// The input paths: files, directories (read recursively) and globs.
    public var paths: [String]
    /// Bytes per record.
    public var recordLength: Int
    /// Bytes of each record that form its key; the rest is the value.
    public var keyLength: Int

    /// Fixed-length input from `paths`.
    public init(paths: [String], recordLength: Int, keyLength: Int) {
        precondition(recordLength > 0 && keyLength >= 0 && keyLength <= recordLength, "key must fit in the record")
        self.paths = paths
        self.recordLength = recordLength
        self.keyLength = keyLength
    }

    public func splits(configuration: JobConfiguration) throws -> [InputSplit] {
        let files = try InputPaths.expand(paths)
        for file in files where file.size % Int64(recordLength) != 0 {
            throw InputError("\(file.path) holds \(file.size) bytes, not a whole number of \(recordLength)-byte records; is it the output of teragen?")
        }
        return try FileSplitter.splits(of: files, configuration: configuration, alignment: Int64(recordLength))
    }

    public func makeReader(for split: InputSplit, configuration: JobConfiguration) throws -> any RecordReader {
        guard let path = split.path else { throw InputError("fixed-length input needs a file split, got \(split)") }
        return FixedLengthRecordReader(path: path, start: split.start, length: split.length, recordLength: recordLength, keyLength: keyLength)
    }
}

struct FixedLengthRecordReader: RecordReader {
    let path: String
    let start: Int64
    let length: Int64
    let recordLength: Int
    let keyLength: Int
    private(set) var bytesRead: Int64 = 0

    init(path: String, start: Int64, length: Int64, recordLength: Int, keyLength: Int) {
        self.path = path
        self.start = start
        self.length = length
        self.recordLength = recordLength
        self.keyLength = keyLength
    }

    mutating func read(_ body: (InputRecord, Double) throws -> Void) throws {
        let fd = try POSIX.openForReading(path)
        defer { POSIX.release(fd, path: path) }
        let recordsPerChunk = max(1, (4 << 20) / recordLength)
        let chunk = recordsPerChunk * recordLength
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        let end = start + length
        while offset < end {
            let want = Int(min(Int64(chunk), end - offset))
            var got = 0
            while got < want {
                let n = try POSIX.read(fd, into: buffer + got, count: want - got, at: offset + Int64(got), path: path)
                if n == 0 { throw InputError("\(path) ended early at byte \(offset + Int64(got)); was it truncated while the job ran?") }
                got += n
            }
            bytesRead += Int64(got)
            var index = 0
            while index + recordLength <= got {
                let record = InputRecord(
                    key: UnsafeRawBufferPointer(start: buffer + index, count: keyLength),
                    value: UnsafeRawBufferPointer(start: buffer + index + keyLength, count: recordLength - keyLength),
                    offset: offset + Int64(index)
                )
                try body(record, Double(offset + Int64(index) - start) / Double(max(length, 1)))
                index += recordLength
            }
            offset += Int64(got)
        }
    }
}
