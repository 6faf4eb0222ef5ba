import Foundation
import MapReduce

/// Hadoop Streaming as a program: `hadoop jar hadoop-streaming.jar [generic
/// options] [streaming options]`, on the engine. It parses Hadoop's argument
/// list, checks the job before any task runs, stages its files, runs the job
/// and removes what it staged; a failure is a `StreamJobError` with Hadoop's
/// exit code and message.
public enum HadoopStreaming: JobProgram {
    public static let name = "streaming"
    public static let hadoopClass = "org.apache.hadoop.streaming.HadoopStreaming"
    public static let summary = "Hadoop Streaming: map and reduce with programs in any language, over stdin and stdout."
    public static let usage = "streaming [genericOptions] -input <path> -output <path> [-mapper <cmd>] [-reducer <cmd>] …"
    /// Streaming reads `-D`, `-files` and `-archives` itself, and only before its own options.
    public static let readsGenericOptions = true

    /// Where job files are staged while the job runs (the system's temporary directory).
    public static var stagingParent: String {
        (NSTemporaryDirectory() as NSString).standardizingPath
    }

    /// Whether `uri` names Hadoop's streaming jar, as Dataproc clusters hold it
    /// (`file:///usr/lib/hadoop/hadoop-streaming.jar`, `…/hadoop-mapreduce/hadoop-streaming-3.3.6.jar`, a `gs://` copy…).
    public static func isStreamingJar(_ uri: String) -> Bool {
        let file = uri.split(separator: "/").last.map(String.init) ?? uri
        return file == "hadoop-streaming.jar" || (file.hasPrefix("hadoop-streaming-") && file.hasSuffix(".jar"))
    }

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        let options = try StreamJobOptions(arguments: arguments)
        if options.help { return ProgramOutcome(results: [], messages: [StreamJobOptions.usage]) }
        let plan = try StreamJobPlan(options: options, configuration: configuration, stagingParent: stagingParent)
        defer { plan.cache.remove() }
        var messages = options.warnings.map { "WARN streaming.StreamJob: " + $0 }
        do {
            let result = try await submitter.submit(plan.job)
            messages.append("INFO streaming.StreamJob: Output directory: \(plan.job.output.path)")
            return ProgramOutcome(results: [result], messages: messages)
        } catch let failure as JobFailure {
            throw StreamJobError(exitCode: 1, message: "\(failure)\nERROR streaming.StreamJob: Job not successful!")
        }
    }
}
