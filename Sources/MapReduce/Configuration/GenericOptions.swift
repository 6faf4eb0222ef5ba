/// Hadoop's generic `-D key=value` options, as its `GenericOptionsParser`
/// reads them: `-D key=value` or `-Dkey=value`, anywhere among a program's
/// arguments. The one parser of them, for the command line, the API and tests.
public enum GenericOptions {
    /// An argument that is left for the program, with its place in the original list.
    public struct Argument: Sendable, Hashable {
        /// Its index among the arguments given.
        public var position: Int
        /// The argument.
        public var text: String
    }

    /// `key=value` split at its first `=`; nil if there is none or the key is empty.
    public static func property(_ text: String) -> (key: String, value: String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// Splits the `-D` options out of `arguments`: later ones win.
    ///
    /// - Throws: ``GenericOptionsError`` for a `-D` that is not `key=value`.
    public static func split(_ arguments: [String]) throws(GenericOptionsError) -> (properties: [String: String], rest: [Argument]) {
        var properties: [String: String] = [:]
        var rest: [Argument] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument == "-D" || (argument.hasPrefix("-D") && argument.count > 2) else {
                rest.append(Argument(position: index, text: argument))
                index += 1
                continue
            }
            let separate = argument == "-D"
            let text = separate ? (index + 1 < arguments.count ? arguments[index + 1] : "") : String(argument.dropFirst(2))
            guard let pair = property(text) else { throw GenericOptionsError(text: text, position: separate ? index + 1 : index) }
            properties[pair.key] = pair.value
            index += separate ? 2 : 1
        }
        return (properties, rest)
    }
}

/// A `-D` option that is not `key=value`.
public struct GenericOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What followed `-D`.
    public var text: String
    /// Its index among the arguments.
    public var position: Int

    /// An error for `text` at `position`.
    public init(text: String, position: Int) {
        self.text = text
        self.position = position
    }

    /// What was wrong, with an example of the fix.
    public var description: String {
        "-D takes key=value (e.g. -D mapreduce.job.reduces=4), got '\(text)'"
    }
}
