import Foundation
import MapReduce

/// What a streaming job runs: its options checked against what this machine
/// has, turned into a `MapReduceJob` of the engine. Everything that can be
/// checked before a task runs is checked here, so a bad job fails without
/// touching its output.
struct StreamJobPlan {
    /// Hadoop class names this runs without a program, for each role.
    static let identityMappers: Set<String> = ["org.apache.hadoop.mapred.lib.IdentityMapper", "org.apache.hadoop.mapreduce.Mapper"]
    static let identityReducers: Set<String> = ["org.apache.hadoop.mapred.lib.IdentityReducer", "org.apache.hadoop.mapreduce.Reducer"]
    static let longSumReducers: Set<String> = [
        "org.apache.hadoop.mapred.lib.LongSumReducer", "org.apache.hadoop.mapreduce.lib.reduce.LongSumReducer",
    ]
    static let aggregateReducer = "org.apache.hadoop.mapred.lib.aggregate.ValueAggregatorReducer"
    static let aggregateCombiner = "org.apache.hadoop.mapred.lib.aggregate.ValueAggregatorCombiner"
    static let hashPartitioners: Set<String> = [
        "org.apache.hadoop.mapred.lib.HashPartitioner", "org.apache.hadoop.mapreduce.lib.partition.HashPartitioner", "HashPartitioner",
    ]
    static let keyFieldPartitioners: Set<String> = [
        "org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner",
        "org.apache.hadoop.mapreduce.lib.partition.KeyFieldBasedPartitioner", "KeyFieldBasedPartitioner",
    ]
    static let textOutputFormats: Set<String> = [
        "org.apache.hadoop.mapred.TextOutputFormat", "org.apache.hadoop.mapreduce.lib.output.TextOutputFormat", "TextOutputFormat",
    ]
    /// Properties that ask for something the engine does not do; refused rather than ignored.
    static let refusedProperties: [String: String] = [
        "mapreduce.job.output.key.comparator.class": "keys are always sorted as bytes; emit keys whose byte order is the order you need",
        "mapred.output.key.comparator.class": "keys are always sorted as bytes; emit keys whose byte order is the order you need",
        "mapreduce.job.output.group.comparator.class": "keys are grouped by their full bytes",
        "mapred.output.value.groupfn.class": "keys are grouped by their full bytes",
    ]

    let job: MapReduceJob
    let cache: FileCache

    /// Plans the job; stages its files under `stagingParent`.
    ///
    /// - Throws: `StreamJobError` with Hadoop's exit code: 1 for what the options get wrong, 2 for a missing input,
    ///   4 for an output that exists. Nothing is staged when it throws.
    init(options: StreamJobOptions, configuration base: JobConfiguration, stagingParent: String) throws(StreamJobError) {
        let configuration = base.merging(options.properties)
        for (key, reason) in Self.refusedProperties.sorted(by: { $0.key < $1.key }) where configuration[key] != nil {
            throw StreamJobError(exitCode: 1, message: "property \(key) is not supported here: \(reason); remove -D \(key)")
        }
        for key in [StreamKeyIO.mapInput, StreamKeyIO.mapOutput, StreamKeyIO.reduceInput, StreamKeyIO.reduceOutput] {
            if let value = configuration[key], value != "text" {
                throw StreamJobError(exitCode: 1, message: "property \(key)=\(value) is not supported here: streaming "
                    + "speaks text lines only; remove -D \(key)")
            }
        }
        let inputFormat = try Self.inputFormat(options.inputFormat)
        if let format = options.outputFormat, !Self.textOutputFormats.contains(format) {
            throw StreamJobError(exitCode: 1, message: "-outputformat \(format) is not supported here; streaming jobs write "
                + "org.apache.hadoop.mapred.TextOutputFormat")
        }
        let inputs = options.inputs
        let outputPath = options.output ?? ""
        do {
            _ = try InputPaths.expand(inputs)
        } catch {
            throw StreamJobError(exitCode: 2, message: "Error launching job , bad input path : \(error)")
        }
        let resolvedOutput = LocalPath.resolve(outputPath)
        if FileManager.default.fileExists(atPath: resolvedOutput) {
            throw StreamJobError(exitCode: 4, message: "Error launching job , Output path already exists : "
                + "Output directory file:\(resolvedOutput) already exists; remove it or choose another -output")
        }
        let cache = try FileCache.stage(files: options.files, archives: options.archives, in: stagingParent)
        do {
            job = try Self.makeJob(
                options: options, configuration: configuration, inputFormat: inputFormat, output: resolvedOutput, cache: cache
            )
        } catch {
            cache.remove()
            throw error
        }
        self.cache = cache
    }

    private static func inputFormat(_ name: String?) throws(StreamJobError) -> InputFormatName {
        guard let name else { return .text }
        guard let format = InputFormatName(className: name) else {
            throw StreamJobError(exitCode: 1, message: "-inputformat \(name) is not supported here; use "
                + "org.apache.hadoop.mapred.TextInputFormat or org.apache.hadoop.mapred.KeyValueTextInputFormat")
        }
        return format
    }

    private static func makeJob(
        options: StreamJobOptions, configuration: JobConfiguration, inputFormat: InputFormatName, output: String, cache: FileCache
    ) throws(StreamJobError) -> MapReduceJob {
        var configuration = configuration
        var combinerCommand = options.combiner
        var reducerCommand = options.reducer
        if let reducer = reducerCommand, reducer.lowercased() == "aggregate" {
            reducerCommand = aggregateReducer
            combinerCommand = aggregateCombiner
        }
        if reducerCommand == "NONE" {
            configuration[ConfigKey.reduces] = "0"
            reducerCommand = nil
        }
        if let count = options.reduceTasks { configuration[ConfigKey.reduces] = String(count) }
        func spec(_ text: String, _ role: StreamingTaskSpec.Role) throws(StreamJobError) -> StreamingTaskSpec {
            let command: StreamCommand
            do {
                command = try StreamCommand(text, role: role.rawValue)
                try check(command, role: role.rawValue, cache: cache)
            } catch {
                throw StreamJobError(exitCode: 1, message: error.description)
            }
            return StreamingTaskSpec(command: command, role: role, cache: cache.entries, environment: options.environment, inputFormat: inputFormat)
        }
        let mapper: @Sendable () -> any Mapper
        if let text = options.mapper, !identityMappers.contains(text) {
            try refuseUnknownClass(text, option: "-mapper")
            let mapSpec = try spec(text, .mapper)
            mapper = { StreamingMapper(spec: mapSpec) }
        } else {
            let keyIsOffset = inputFormat == .text
            mapper = { TextIdentityMapper(keyIsOffset: keyIsOffset) }
        }
        let combiner = try reduceFunction(combinerCommand, option: "-combiner") { text throws(StreamJobError) in try spec(text, .combiner) }
        let reducer = try reduceFunction(reducerCommand, option: "-reducer") { text throws(StreamJobError) in try spec(text, .reducer) }
        let partitioner: any Partitioner
        switch options.partitioner {
        case nil: partitioner = HashPartitioner()
        case let name? where hashPartitioners.contains(name): partitioner = HashPartitioner()
        case let name? where keyFieldPartitioners.contains(name):
            do {
                partitioner = try KeyFieldBasedPartitioner(configuration: configuration)
            } catch {
                throw StreamJobError(exitCode: 1, message: String(describing: error))
            }
        case let name?:
            throw StreamJobError(exitCode: 1, message: "-partitioner \(name) is not supported here; use "
                + "org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner (with -D \(KeyFieldBasedPartitioner.optionsKey)=-k1,1) "
                + "or the default HashPartitioner")
        }
        let input: any InputFormat = inputFormat == .text ? TextInputFormat(paths: options.inputs) : KeyValueTextInputFormat(paths: options.inputs)
        return MapReduceJob(
            name: configuration[ConfigKey.jobName] ?? "streamjob",
            configuration: configuration, input: input, mapper: mapper, combiner: combiner, reducer: reducer,
            partitioner: partitioner, output: OutputSpec(path: output, format: .text, partNames: .mapred)
        )
    }

    /// The reduce (or combine) function a `-reducer`/`-combiner` names.
    private static func reduceFunction(
        _ text: String?, option: String, spec: (String) throws(StreamJobError) -> StreamingTaskSpec
    ) throws(StreamJobError) -> (@Sendable () -> any Reducer)? {
        guard let text else { return nil }
        if identityReducers.contains(text) { return { IdentityReducer() } }
        if longSumReducers.contains(text) { return { TextLongSumReducer() } }
        if text == aggregateReducer { return { ValueAggregatorReducer() } }
        if text == aggregateCombiner { return { ValueAggregatorReducer(combining: true) } }
        try refuseUnknownClass(text, option: option)
        let reduceSpec = try spec(text)
        return { StreamingReducer(spec: reduceSpec) }
    }

    /// A Hadoop class name that is not one of the library classes above.
    private static func refuseUnknownClass(_ text: String, option: String) throws(StreamJobError) {
        guard text.hasPrefix("org.apache.hadoop."), !text.contains(" "), !text.contains("/") else { return }
        throw StreamJobError(exitCode: 1, message: "\(option) \(text): this Java class is not available here; give a command "
            + "(a script shipped with -files, or a program on PATH), or one of "
            + (identityMappers.union(identityReducers).union(longSumReducers).sorted() + [aggregateReducer, "aggregate"]).joined(separator: ", "))
    }

    /// Fails now, not in every task, when a command's program cannot be found or run.
    private static func check(_ command: StreamCommand, role: String, cache: FileCache) throws(StreamingError) {
        var program = command.arguments[0]
        while program.hasPrefix("./") { program.removeFirst(2) }
        let first = program.split(separator: "/", maxSplits: 1).first.map(String.init) ?? program
        if let staged = cache.entries[first] {
            let path = program == first ? staged : staged + "/" + program.dropFirst(first.count + 1)
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw .badCommand("Cannot run program \"\(command.arguments[0])\" (the \(role) command '\(command.text)'): "
                    + "\(program) is not an executable file in what was shipped")
            }
            return
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        _ = try command.executable(in: "/nonexistent-task-directory", searchPath: searchPath, shipped: cache.entries.keys.sorted(), role: role)
    }
}

/// The streaming I/O properties that must stay `text`.
enum StreamKeyIO {
    static let mapInput = "stream.map.input"
    static let mapOutput = "stream.map.output"
    static let reduceInput = "stream.reduce.input"
    static let reduceOutput = "stream.reduce.output"
}
