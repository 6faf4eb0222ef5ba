import MapReduce

/// Parses numeric program arguments the way Hadoop's `Integer.parseInt` and
/// `Long.parseLong` accept them (an optional sign, decimal digits), throwing a
/// usage error that names the argument.
enum ArgumentParsing {
    /// `text` as an integer in `range`, or a `UsageError` for `program` naming `argument`.
    static func integer<T: FixedWidthInteger>(
        _ text: String, as type: T.Type, argument: String, in range: ClosedRange<T>, for program: any JobProgram.Type
    ) throws -> T {
        guard let value = T(text) else {
            throw UsageError(program, "\(argument) must be a whole number, got '\(text)'")
        }
        guard range.contains(value) else {
            throw UsageError(program, "\(argument) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }
}
