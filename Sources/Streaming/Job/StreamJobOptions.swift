import MapReduce

/// A streaming job's command line, read the way Hadoop's `hadoop jar
/// hadoop-streaming.jar` reads it: generic options (`-D`, `-files`,
/// `-archives`) first, then the streaming options. A value type: parsing
/// touches no file; `StreamJobPlan` checks what the options name.
public struct StreamJobOptions: Sendable, Hashable {
    /// `-D key=value` (and the deprecated `-jobconf key=value`).
    public var properties: [String: String] = [:]
    /// `-files`, then the deprecated `-file`: URIs or paths with an optional `#alias`.
    public var files: [String] = []
    /// `-archives`: URIs or paths with an optional `#alias`, unpacked into the task directory.
    public var archives: [String] = []
    /// `-input` (repeatable, comma-separated, globs).
    public var inputs: [String] = []
    /// `-output`.
    public var output: String?
    /// `-mapper`, `-combiner`, `-reducer`: commands or Java class names.
    public var mapper: String?
    public var combiner: String?
    public var reducer: String?
    /// `-partitioner`, `-inputformat`, `-outputformat`: Java class names.
    public var partitioner: String?
    public var inputFormat: String?
    public var outputFormat: String?
    /// `-numReduceTasks`.
    public var reduceTasks: Int?
    /// `-cmdenv NAME=VALUE`.
    public var environment: [String: String] = [:]
    /// `-verbose`.
    public var verbose = false
    /// `-help` or `-info`: print the usage and run nothing.
    public var help = false
    /// Deprecation warnings, as Hadoop logs them.
    public var warnings: [String] = []

    /// An empty set of options.
    public init() {}

    /// Parses `arguments`.
    ///
    /// - Throws: `StreamJobError` with Hadoop's message and exit code 1.
    public init(arguments: [String]) throws(StreamJobError) {
        var index = 0
        func value(_ option: String) throws(StreamJobError) -> String {
            guard index + 1 < arguments.count else {
                throw .usage("Missing argument for option: \(option.dropFirst())")
            }
            index += 1
            return arguments[index]
        }
        func property(_ text: String, option: String) throws(StreamJobError) -> (String, String) {
            guard let pair = GenericOptions.property(text) else {
                throw .usage("\(option) takes key=value (e.g. \(option) mapreduce.job.reduces=2), got '\(text)'")
            }
            return pair
        }
        var sawStreamingOption = false
        var unexpected: [String] = []
        let generic: Set<String> = ["-D", "-files", "-archives", "-libjars", "-conf", "-fs", "-jt"]
        while index < arguments.count {
            let argument = arguments[index]
            let isGeneric = generic.contains(argument) || (argument.hasPrefix("-D") && argument.count > 2)
            if isGeneric && sawStreamingOption {
                throw .usage("generic option \(argument) must come before the streaming options: give -D, -files and "
                    + "-archives first, as in: -D mapreduce.job.reduces=2 -files m.py -input in -output out -mapper m.py")
            }
            switch argument {
            case "-D":
                let (key, text) = try property(try value(argument), option: "-D")
                properties[key] = text
            case _ where argument.hasPrefix("-D") && argument.count > 2:
                let (key, text) = try property(String(argument.dropFirst(2)), option: "-D")
                properties[key] = text
            case "-files": files += Self.list(try value(argument))
            case "-archives": archives += Self.list(try value(argument))
            case "-libjars", "-conf", "-fs", "-jt":
                throw .usage("generic option \(argument) is not supported here: streaming runs programs, not Java; "
                    + "set properties with -D key=value and ship programs with -files")
            default:
                sawStreamingOption = true
                try parseStreaming(argument, value: value, property: property, unexpected: &unexpected)
            }
            index += 1
        }
        if !unexpected.isEmpty {
            throw .usage("Found \(unexpected.count) unexpected arguments on the command line [\(unexpected.joined(separator: ", "))]")
        }
        if help { return }
        if inputs.isEmpty { throw .usage("Required argument: -input <name>") }
        if output == nil { throw .usage("Required argument: -output <name>") }
    }

    private mutating func parseStreaming(
        _ argument: String, value: (String) throws(StreamJobError) -> String,
        property: (String, String) throws(StreamJobError) -> (String, String), unexpected: inout [String]
    ) throws(StreamJobError) {
        switch argument {
        case "-input": inputs += Self.list(try value(argument))
        case "-output": output = try value(argument)
        case "-mapper": mapper = try value(argument)
        case "-combiner": combiner = try value(argument)
        case "-reducer": reducer = try value(argument)
        case "-partitioner": partitioner = try value(argument)
        case "-inputformat": inputFormat = try value(argument)
        case "-outputformat": outputFormat = try value(argument)
        case "-file":
            files.append(try value(argument))
            if !warnings.contains(Self.fileWarning) { warnings.append(Self.fileWarning) }
        case "-numReduceTasks":
            let text = try value(argument)
            guard let count = Int(text), count >= 0 else {
                throw .usage("-numReduceTasks takes a number of reduce tasks (0 or more), got '\(text)'")
            }
            reduceTasks = count
        case "-cmdenv":
            let text = try value(argument)
            guard let pair = GenericOptions.property(text) else {
                throw .usage("-cmdenv takes NAME=VALUE (e.g. -cmdenv LC_ALL=C), got '\(text)'")
            }
            environment[pair.key] = pair.value
        case "-jobconf":
            let (key, text) = try property(try value(argument), "-jobconf")
            properties[key] = text
            warnings.append("-jobconf option is deprecated, please use -D instead.")
        case "-verbose": verbose = true
        case "-debug": break
        case "-help", "-info": help = true
        case "-inputreader", "-io", "-lazyOutput", "-background", "-mapdebug", "-reducedebug", "-cacheFile", "-cacheArchive", "-dfs", "-jt", "-additionalconfspec":
            throw .usage("streaming option \(argument) is not supported here; the supported options are listed by -help")
        case _ where argument.hasPrefix("-"):
            throw .usage("Unrecognized option: \(argument)")
        default:
            unexpected.append(argument)
        }
    }

    static let fileWarning = "-file option is deprecated, please use generic option -files instead."

    /// A comma-separated list, as Hadoop's options take them.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
    }

    /// The usage `-help` prints.
    public static let usage = """
        Usage: miniproc run streaming [genericOptions] [streamingOptions]
        Generic options (before the streaming options):
          -D <property=value>          A job property (repeatable)
          -files <file[#name],...>     Files linked into every task's directory, executable
          -archives <archive[#name],...>  zip, jar, tar, tar.gz and tgz archives unpacked into it
        Streaming options:
          -input <path>                Input files, directories or globs (repeatable, comma-separated)
          -output <path>               Output directory; must not exist
          -mapper <cmd|JavaClassName>  The map command (default: identity)
          -combiner <cmd|JavaClassName>  The combine command
          -reducer <cmd|JavaClassName|NONE|aggregate>  The reduce command (default: identity)
          -file <file>                 Deprecated: like -files
          -partitioner <JavaClassName> HashPartitioner (default) or KeyFieldBasedPartitioner
          -inputformat <JavaClassName> TextInputFormat (default) or KeyValueTextInputFormat
          -outputformat <JavaClassName>  TextOutputFormat (default)
          -numReduceTasks <num>        Reduce tasks; 0 makes a map-only job
          -cmdenv <n>=<v>              An environment variable for the commands (repeatable)
          -verbose, -help, -info
        Commands run without a shell: put pipelines in a script and ship it with -files.
        """
}

/// A streaming job that could not run, with Hadoop's exit code: 1 for bad
/// arguments or a failed job, 2 for a bad input path, 4 for an existing output.
public struct StreamJobError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What `hadoop jar hadoop-streaming.jar` would exit with.
    public var exitCode: Int32
    /// What went wrong.
    public var message: String
    /// True for argument errors, which Hadoop follows with `Try -help for more information`.
    public var isUsage: Bool

    /// An error.
    public init(exitCode: Int32, message: String, isUsage: Bool = false) {
        self.exitCode = exitCode
        self.message = message
        self.isUsage = isUsage
    }

    static func usage(_ message: String) -> StreamJobError { StreamJobError(exitCode: 1, message: message, isUsage: true) }

    public var description: String {
        message + (isUsage ? "\nTry -help for more information" : "") + "\nStreaming Command Failed!"
    }
}
