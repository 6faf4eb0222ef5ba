/// A `-D` option that is not `key=value`.
struct PropertyError: Error, CustomStringConvertible {
    /// The text given after `-D`.
    var text: String
    var description: String {
        "-D takes key=value (e.g. -D mapreduce.job.reduces=4), got '\(text)'"
    }
}
