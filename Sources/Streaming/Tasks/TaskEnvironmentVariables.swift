import Foundation
import MapReduce

/// The environment of a streaming program, as Hadoop builds it: this
/// process's environment, then every job property under its name with each
/// character that is not a letter or digit turned into `_`
/// (`mapreduce.job.id` → `mapreduce_job_id`), then the task's own properties,
/// then `-cmdenv` variables, and `TMPDIR` inside the task directory.
enum TaskEnvironmentVariables {
    static func make(context: TaskContext, spec: StreamingTaskSpec, workDirectory: String, temporary: String) -> [String] {
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in context.configuration.properties { variables[safeName(key)] = value }
        let attempt = context.attempt
        var task: [String: String] = [
            "mapreduce.job.id": "job_" + attempt.jobID,
            "mapreduce.task.id": attempt.taskName,
            "mapreduce.task.attempt.id": attempt.description,
            "mapreduce.task.partition": String(attempt.task),
            "mapreduce.task.ismap": attempt.kind == .map ? "true" : "false",
            "mapreduce.job.reduces": String(context.partitions),
            "mapreduce.task.output.dir": workDirectory,
            "mapreduce.job.local.dir": workDirectory,
        ]
        if let split = context.split, let path = split.path {
            task["mapreduce.map.input.file"] = "file:" + path
            task["mapreduce.map.input.start"] = String(split.start)
            task["mapreduce.map.input.length"] = String(split.length)
        }
        for (key, value) in task { variables[safeName(key)] = value }
        for (key, value) in spec.environment { variables[key] = value }
        variables["TMPDIR"] = temporary
        variables["PWD"] = workDirectory
        return variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// `name` with every character outside `[A-Za-z0-9]` replaced by `_`.
    static func safeName(_ name: String) -> String {
        String(name.unicodeScalars.map { scalar -> Character in
            let v = scalar.value
            let alphanumeric = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
            return alphanumeric ? Character(scalar) : "_"
        })
    }
}
