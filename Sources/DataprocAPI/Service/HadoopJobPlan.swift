import Jobs
import MapReduce
import Streaming

/// What a `hadoopJob` runs here: a program of the job library, its arguments
/// with `gs://` URIs mapped onto the storage root, and the job's properties
/// (`properties` plus any `-D key=value` generic options in the arguments).
struct HadoopJobPlan: Sendable {
    var program: any JobProgram.Type
    var arguments: [String]
    var properties: [String: String]

    /// What the server can run, for messages.
    static let supported = "Miniproc runs Hadoop MapReduce example programs and Hadoop Streaming: a hadoopJob with mainJarFileUri "
        + "file:///usr/lib/hadoop-mapreduce/hadoop-mapreduce-examples.jar and the program name as the first argument "
        + "(\(JobLibrary.programs.map { $0.name }.joined(separator: ", "))), one with mainJarFileUri "
        + "file:///usr/lib/hadoop/hadoop-streaming.jar and streaming's arguments, or with mainClass set to one of "
        + (JobLibrary.programs.map { $0.hadoopClass } + [HadoopStreaming.hadoopClass]).joined(separator: ", ")

    /// Plans `job`; `field` is the message path of the `hadoopJob` (for violations).
    ///
    /// - Throws: `APIError` INVALID_ARGUMENT saying what is supported.
    init(_ job: HadoopJobMessage, storage: StorageRoot, field: String = "job.hadoopJob") throws(APIError) {
        let jar = job.mainJarFileUri ?? ""
        if jar.isEmpty ? job.mainClass == HadoopStreaming.hadoopClass : HadoopStreaming.isStreamingJar(jar) {
            try self.init(streaming: job, storage: storage, field: field)
        } else {
            try self.init(examples: job, storage: storage, field: field)
        }
    }

    /// Plans a program of the job library.
    private init(examples job: HadoopJobMessage, storage: StorageRoot, field: String) throws(APIError) {
        var arguments = job.args ?? []
        var argumentOffset = 0
        let program: any JobProgram.Type
        for (name, uris) in [("fileUris", job.fileUris), ("archiveUris", job.archiveUris), ("jarFileUris", job.jarFileUris)] {
            if let uris, !uris.isEmpty {
                throw .invalidArgument("\(name) is supported for Hadoop Streaming jobs only; the example programs read no shipped files",
                                       field: "\(field).\(name)")
            }
        }
        if let jar = job.mainJarFileUri, !jar.isEmpty {
            let file = jar.split(separator: "/").last.map(String.init) ?? jar
            guard file.hasPrefix("hadoop-mapreduce-examples"), file.hasSuffix(".jar") else {
                throw .invalidArgument("jar \(jar) cannot run here. " + Self.supported, field: "\(field).mainJarFileUri")
            }
            guard let name = arguments.first else {
                throw .invalidArgument("An example program must be given as the first argument. " + JobLibrary.listing, field: "\(field).args")
            }
            guard let found = JobLibrary.program(named: name) else {
                throw .invalidArgument(UnknownProgram(name: name).description, field: "\(field).args[0]")
            }
            program = found
            arguments.removeFirst()
            argumentOffset = 1
        } else if let mainClass = job.mainClass, !mainClass.isEmpty {
            guard let found = JobLibrary.program(named: mainClass) else {
                throw .invalidArgument("mainClass \(mainClass) is not available. " + Self.supported, field: "\(field).mainClass")
            }
            program = found
        } else {
            throw .invalidArgument("a hadoopJob needs mainJarFileUri or mainClass. " + Self.supported, field: "\(field).mainJarFileUri")
        }
        let options: (properties: [String: String], rest: [GenericOptions.Argument])
        do {
            options = try GenericOptions.split(arguments)
        } catch {
            throw .invalidArgument(error.description, field: "\(field).args[\(error.position + argumentOffset)]")
        }
        let properties = (job.properties ?? [:]).merging(options.properties) { _, new in new }
        var rest: [String] = []
        for argument in options.rest {
            guard argument.text.hasPrefix("gs://") else {
                rest.append(argument.text)
                continue
            }
            do {
                rest.append("file://" + (try storage.localPath(ofURI: argument.text)))
            } catch {
                throw .invalidArgument("argument \(argument.text): \(error.message)", field: "\(field).args[\(argument.position + argumentOffset)]")
            }
        }
        self.program = program
        self.arguments = rest
        self.properties = properties
    }

    /// Plans a streaming job: `fileUris` and `archiveUris` become `-files` and
    /// `-archives` ahead of the arguments, which streaming reads in order itself;
    /// every `gs://` URI among them (in comma lists, before a `#name`) is mapped onto the storage root.
    private init(streaming job: HadoopJobMessage, storage: StorageRoot, field: String) throws(APIError) {
        if let jars = job.jarFileUris, !jars.isEmpty {
            throw .invalidArgument("jarFileUris cannot be used by a streaming job here: its programs are commands, not Java; "
                + "ship them with fileUris (gcloud --files)", field: "\(field).jarFileUris")
        }
        var arguments: [String] = []
        for (option, uris, name) in [("-files", job.fileUris, "fileUris"), ("-archives", job.archiveUris, "archiveUris")] {
            guard let uris, !uris.isEmpty else { continue }
            var mapped: [String] = []
            for (index, uri) in uris.enumerated() {
                guard !uri.contains(",") else {
                    throw .invalidArgument("\(name)[\(index)] '\(uri)' holds a comma; give one URI per entry", field: "\(field).\(name)[\(index)]")
                }
                mapped.append(try Self.mapURIs(in: uri, storage: storage, field: "\(field).\(name)[\(index)]"))
            }
            arguments += [option, mapped.joined(separator: ",")]
        }
        for (index, argument) in (job.args ?? []).enumerated() {
            arguments.append(try Self.mapURIs(in: argument, storage: storage, field: "\(field).args[\(index)]"))
        }
        program = HadoopStreaming.self
        self.arguments = arguments
        properties = job.properties ?? [:]
    }

    /// `argument` with each `gs://` URI of its comma-separated items (before any `#name`) made a local `file://` URI.
    private static func mapURIs(in argument: String, storage: StorageRoot, field: String) throws(APIError) -> String {
        guard argument.contains("gs://") else { return argument }
        var items: [String] = []
        for item in argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let parts = item.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts[0].hasPrefix("gs://") else {
                items.append(item)
                continue
            }
            let local: String
            do {
                local = "file://" + (try storage.localPath(ofURI: parts[0]))
            } catch {
                throw .invalidArgument("\(parts[0]): \(error.message)", field: field)
            }
            items.append(parts.count == 2 ? local + "#" + parts[1] : local)
        }
        return items.joined(separator: ",")
    }
}
