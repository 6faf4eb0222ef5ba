import Jobs
import MapReduce

/// What a `hadoopJob` runs here: a program of the job library, its arguments
/// with `gs://` URIs mapped onto the storage root, and the job's properties
/// (`properties` plus any `-D key=value` generic options in the arguments).
struct HadoopJobPlan: Sendable {
    var program: any JobProgram.Type
    var arguments: [String]
    var properties: [String: String]

    /// What the server can run, for messages.
    static let supported = "Miniproc runs Hadoop MapReduce example programs: a hadoopJob with mainJarFileUri "
        + "file:///usr/lib/hadoop-mapreduce/hadoop-mapreduce-examples.jar and the program name as the first argument "
        + "(\(JobLibrary.programs.map { $0.name }.joined(separator: ", "))), or with mainClass set to one of "
        + JobLibrary.programs.map { $0.hadoopClass }.joined(separator: ", ")

    /// Plans `job`; `field` is the message path of the `hadoopJob` (for violations).
    ///
    /// - Throws: `APIError` INVALID_ARGUMENT saying what is supported.
    init(_ job: HadoopJobMessage, storage: StorageRoot, field: String = "job.hadoopJob") throws(APIError) {
        var arguments = job.args ?? []
        var argumentOffset = 0
        let program: any JobProgram.Type
        if let jar = job.mainJarFileUri, !jar.isEmpty {
            let file = jar.split(separator: "/").last.map(String.init) ?? jar
            if file.hasPrefix("hadoop-streaming") {
                throw .invalidArgument("Hadoop streaming (\(jar)) is not supported. " + Self.supported, field: "\(field).mainJarFileUri")
            }
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
}
