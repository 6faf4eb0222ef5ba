/// Cuts files into splits the way Hadoop's `FileInputFormat.getSplits` does:
/// `splitSize = max(minSize, min(maxSize, blockSize))`, and the last split may
/// run up to 10 % over rather than leave a sliver.
enum FileSplitter {
    /// Hadoop's `SPLIT_SLOP`.
    static let slop = 1.1

    static func splitSize(configuration: JobConfiguration) throws -> Int64 {
        let minSize = max(1, try configuration.int(ConfigKey.splitMinSize, default: 1))
        let maxSize = try configuration.int(ConfigKey.splitMaxSize, default: Int64.max)
        let blockSize = try configuration.int(ConfigKey.blockSize, default: 128 << 20)
        guard maxSize > 0 else { throw ConfigurationError(key: ConfigKey.splitMaxSize, value: String(maxSize), expected: "a positive number of bytes") }
        guard blockSize > 0 else { throw ConfigurationError(key: ConfigKey.blockSize, value: String(blockSize), expected: "a positive number of bytes") }
        return max(minSize, min(maxSize, blockSize))
    }

    /// Splits of `files`; `alignment` rounds split sizes to whole records for fixed-length input.
    static func splits(of files: [InputPaths.File], configuration: JobConfiguration, alignment: Int64 = 1, splittable: Bool = true) throws -> [InputSplit] {
        var size = try splitSize(configuration: configuration)
        if alignment > 1 { size = max(alignment, size - size % alignment) }
        var splits: [InputSplit] = []
        for file in files {
            if file.size == 0 || !splittable {
                splits.append(InputSplit(path: file.path, start: 0, length: file.size, index: splits.count, root: file.root))
                continue
            }
            var remaining = file.size
            while Double(remaining) / Double(size) > slop {
                splits.append(InputSplit(path: file.path, start: file.size - remaining, length: size, index: splits.count, root: file.root))
                remaining -= size
            }
            if remaining > 0 {
                splits.append(InputSplit(path: file.path, start: file.size - remaining, length: remaining, index: splits.count, root: file.root))
            }
        }
        return splits
    }
}
