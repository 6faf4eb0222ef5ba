import Foundation

/// A `-mapper`, `-combiner` or `-reducer` command, split into arguments the way
/// Hadoop's `PipeMapRed.splitArgs` splits it — at spaces, with `'…'` and `"…"`
/// quoting, and no shell: nothing is expanded, piped or redirected.
public struct StreamCommand: Sendable, Hashable, CustomStringConvertible {
    /// The command as given.
    public var text: String
    /// Its arguments; the first names the program.
    public var arguments: [String]

    /// Words that would mean something to a shell but are passed literally here.
    static let shellWords: Set<String> = ["|", "||", "&&", ";", "&", ">", ">>", "<", "<<", "2>", "2>&1", "1>", "&>"]

    /// Splits `text`.
    ///
    /// - Throws: `StreamingError.badCommand` for an empty command or one that
    ///   relies on shell syntax, saying to wrap it in a script.
    public init(_ text: String, role: String) throws(StreamingError) {
        self.text = text
        let (arguments, quoted) = Self.split(text)
        guard let program = arguments.first, !program.isEmpty else {
            throw .badCommand("the \(role) command is empty; give a program to run, e.g. -\(role) 'python3 \(role).py'")
        }
        for (argument, wasQuoted) in zip(arguments, quoted) where !wasQuoted {
            if Self.shellWords.contains(argument) || argument.contains("$(") || argument.contains("`") {
                throw .badCommand(
                    "the \(role) command '\(text)' uses shell syntax ('\(argument)'), but streaming runs commands without a shell, "
                        + "so it would be passed to \(program) as a plain argument; put the pipeline in a script, ship it with "
                        + "-files, and give -\(role) 'script.sh' (or run it as -\(role) \"bash -c '…'\")"
                )
            }
        }
        self.arguments = arguments
    }

    public var description: String { text }

    /// Hadoop's splitting: a quote opens or closes a quoted run and ends the
    /// current word; a space outside quotes ends it; empty words are dropped.
    static func split(_ text: String) -> (arguments: [String], quoted: [Bool]) {
        enum State { case outside, single, double }
        var arguments: [String] = []
        var quoted: [Bool] = []
        var state = State.outside
        var word = ""
        var wordQuoted = false
        func end() {
            if !word.isEmpty {
                arguments.append(word)
                quoted.append(wordQuoted)
            }
            word = ""
            wordQuoted = false
        }
        for character in text {
            switch (character, state) {
            case ("'", .outside):
                end()
                state = .single
                wordQuoted = true
            case ("'", .single):
                end()
                state = .outside
            case ("\"", .outside):
                end()
                state = .double
                wordQuoted = true
            case ("\"", .double):
                end()
                state = .outside
            case (" ", .outside):
                end()
            default:
                word.append(character)
            }
        }
        end()
        return (arguments, quoted)
    }

    /// The program's path: a path with a `/` as given (relative to `directory`),
    /// else the first of `directory` then each directory of `searchPath` that
    /// holds it, as Hadoop's `PathFinder` looks it up.
    ///
    /// - Throws: `StreamingError.badCommand` when it is missing or not executable.
    func executable(in directory: String, searchPath: String, shipped: [String] = [], role: String) throws(StreamingError) -> String {
        let program = arguments[0]
        let manager = FileManager.default
        let candidates: [String]
        if program.contains("/") {
            candidates = [program.hasPrefix("/") ? program : directory + "/" + program]
        } else {
            candidates = ([directory] + searchPath.split(separator: ":").map(String.init)).map { $0 + "/" + program }
        }
        var isDirectory: ObjCBool = false
        for candidate in candidates where manager.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue {
            guard manager.isExecutableFile(atPath: candidate) else {
                throw .badCommand("Cannot run program \"\(program)\" (the \(role) command '\(text)'): error=13, Permission denied: "
                    + "\(candidate) is not executable; chmod +x it, or run it through its interpreter (-\(role) 'python3 \(program)')")
            }
            return candidate
        }
        let shippedText = shipped.isEmpty ? "no files were shipped" : "shipped files: " + shipped.joined(separator: ", ")
        throw .badCommand("Cannot run program \"\(program)\" (the \(role) command '\(text)'): error=2, No such file or directory: "
            + "it is neither in the task directory (\(shippedText)) nor on PATH; ship it with -files \(program), or give its full path")
    }
}
