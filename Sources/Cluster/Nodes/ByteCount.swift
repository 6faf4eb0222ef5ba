/// Formats byte counts for messages: `1.0 GB`, `50.0 MB`, `812 KB`, with 1 GB = 2^30 bytes,
/// the unit of `bootDiskSizeGb`.
enum ByteCount {
    static func text(_ bytes: Int64) -> String {
        let units: [(String, Double)] = [("GB", Double(1 << 30)), ("MB", Double(1 << 20)), ("KB", Double(1 << 10))]
        for (unit, size) in units where Double(bytes) >= size {
            let value = Double(bytes) / size
            return unit == "KB" ? "\(Int(value)) KB" : "\((value * 10).rounded() / 10) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
