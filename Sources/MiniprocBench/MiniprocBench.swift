import Foundation

/// `miniproc-bench NAME ARGS…`: the benchmarks behind `Benchmarks/run.sh`.
/// Each prints one `name: value unit` line per figure.
@main
struct MiniprocBench {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch arguments.first {
            case "wordcount": try await WordCountBenchmark.run(arguments: Array(arguments.dropFirst()))
            case "terasort": try await TeraSortBenchmark.run(arguments: Array(arguments.dropFirst()))
            case "scheduler":
                try SchedulerBenchmark.run(arguments: Array(arguments.dropFirst()))
                try await ClusterLifecycleBenchmark.run()
            case "simulate": try await SimulateBenchmark.run(arguments: Array(arguments.dropFirst()))
            case "streaming": try await StreamingBenchmark.run(arguments: Array(arguments.dropFirst()))
            default:
                FileHandle.standardError.write(Data("usage: miniproc-bench wordcount SIZE | terasort ROWS | streaming SIZE | scheduler | simulate\n".utf8))
                exit(2)
            }
        } catch {
            FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
            exit(1)
        }
    }
}
