import MapReduce

/// Fixed-length records with one split per file, in file-name order, like
/// TeraValidate's `TeraInputFormat` with a minimum split size of `Long.MAX_VALUE`:
/// a map must see a whole file to check that its records are in order.
struct WholeFileInputFormat: InputFormat {
    /// Reads each split's records.
    let records: FixedLengthInputFormat

    init(paths: [String], recordLength: Int, keyLength: Int) {
        records = FixedLengthInputFormat(paths: paths, recordLength: recordLength, keyLength: keyLength)
    }

    func splits(configuration: JobConfiguration) throws -> [InputSplit] {
        let files = try InputPaths.expand(records.paths)
        var splits: [InputSplit] = []
        for file in files {
            guard file.size % Int64(records.recordLength) == 0 else {
                throw InputError("\(file.path) holds \(file.size) bytes, not a whole number of \(records.recordLength)-byte records; is it the output of terasort?")
            }
            splits.append(InputSplit(path: file.path, start: 0, length: file.size, index: splits.count, root: file.root))
        }
        return splits
    }

    func makeReader(for split: InputSplit, configuration: JobConfiguration) throws -> any RecordReader {
        try records.makeReader(for: split, configuration: configuration)
    }
}
