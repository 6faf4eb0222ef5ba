import Foundation
import MapReduce
import Testing
@testable import Streaming

@Suite("Streaming jobs: Hadoop's line protocol with real child processes")
struct StreamingJobTests {
    @Test("a Python word count over many splits and three reducers equals a sequential count")
    func pythonWordCountMatchesOracle() async throws {
        try await withTemporaryDirectory { directory in
            let text = corpus(lines: 4000, seed: 7)
            try write(text, to: directory + "/in/a.txt")
            try write(corpus(lines: 1000, seed: 8), to: directory + "/in/b.txt")
            let scripts = try PythonWordCount.install(in: directory + "/scripts")
            let outcome = try await runStreaming([
                "-D", "mapreduce.input.fileinputformat.split.maxsize=20000", "-D", "mapreduce.job.reduces=3",
                "-files", "\(scripts.mapper),\(scripts.reducer)",
                "-input", directory + "/in", "-output", directory + "/out", "-mapper", "mapper.py", "-reducer", "python3 reducer.py",
            ], in: directory)
            let output = try StreamOutput(directory + "/out")
            #expect(output.names == ["_SUCCESS", "part-00000", "part-00001", "part-00002"])
            let expected = PythonWordCount.oracle(text + corpus(lines: 1000, seed: 8))
            #expect(output.lines.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } == expected)
            let result = try #require(outcome.results.first)
            #expect(result.counters[.launchedMaps] > 4)
            #expect(result.counters[.reduceOutputRecords] == Int64(expected.count))
        }
    }

    @Test("two key fields and a custom separator decide the key; the reducer sees key<TAB>value lines")
    func keyFieldsAndSeparator() async throws {
        try await withTemporaryDirectory { directory in
            try write("b.x.1\na.y.2\na.x.3\nb.x.4\n", to: directory + "/in.txt")
            let outcome = try await runStreaming([
                "-D", "stream.map.output.field.separator=.", "-D", "stream.num.map.output.key.fields=2",
                "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "cat", "-reducer", "cat",
            ], in: directory)
            #expect(outcome.results.count == 1)
            // Keys `a.x`, `a.y`, `b.x` in byte order; the reducer (cat) gets `key\tvalue`,
            // and its output splits at the first tab again.
            #expect(try StreamOutput(directory + "/out").lines == ["a.x\t3", "a.y\t2", "b.x\t1", "b.x\t4"]
                || (try StreamOutput(directory + "/out").lines) == ["a.x\t3", "a.y\t2", "b.x\t4", "b.x\t1"])
        }
    }

    @Test("a line without a separator is all key: its output keeps a trailing tab")
    func emptyValueKeepsTrailingTab() async throws {
        try await withTemporaryDirectory { directory in
            try write("beta\nalpha\n", to: directory + "/in.txt")
            _ = try await runStreaming(["-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "cat"], in: directory)
            #expect(try StreamOutput(directory + "/out").lines == ["alpha\t", "beta\t"])
        }
    }

    @Test("-reducer NONE and -numReduceTasks 0 write one part-NNNNN per map, unsorted")
    func mapOnly() async throws {
        try await withTemporaryDirectory { directory in
            try write("z\tlast\na\tfirst\n", to: directory + "/in.txt")
            _ = try await runStreaming(["-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "cat", "-reducer", "NONE"], in: directory)
            #expect(try StreamOutput(directory + "/out").names == ["_SUCCESS", "part-00000"])
            #expect(try StreamOutput(directory + "/out").lines == ["z\tlast", "a\tfirst"])
            _ = try await runStreaming(["-input", directory + "/in.txt", "-output", directory + "/out2", "-mapper", "cat", "-numReduceTasks", "0"], in: directory)
            #expect(try StreamOutput(directory + "/out2").lines == ["z\tlast", "a\tfirst"])
        }
    }

    @Test("a combiner command runs on the map side and the counts still add up")
    func combinerCommand() async throws {
        try await withTemporaryDirectory { directory in
            let text = corpus(lines: 2000, seed: 11)
            try write(text, to: directory + "/in.txt")
            let scripts = try PythonWordCount.install(in: directory)
            let outcome = try await runStreaming([
                "-files", "\(scripts.mapper),\(scripts.reducer)", "-input", directory + "/in.txt", "-output", directory + "/out",
                "-mapper", "mapper.py", "-combiner", "reducer.py", "-reducer", "reducer.py",
            ], in: directory)
            #expect(try StreamOutput(directory + "/out").lines == PythonWordCount.oracle(text))
            let counters = try #require(outcome.results.first).counters
            #expect(counters[.combineInputRecords] > counters[.combineOutputRecords])
            #expect(counters[.reduceInputRecords] == counters[.combineOutputRecords])
        }
    }

    @Test("the secondary-sort idiom: KeyFieldBasedPartitioner on field 1, keys of two fields sorted as bytes")
    func secondarySort() async throws {
        try await withTemporaryDirectory { directory in
            var lines: [String] = []
            for user in ["u1", "u2", "u3", "u4", "u5", "u6"] {
                for time in ["t3", "t1", "t2"] { lines.append("\(user)\t\(time)\tevent-\(user)-\(time)") }
            }
            try write(lines.joined(separator: "\n") + "\n", to: directory + "/in.txt")
            _ = try await runStreaming([
                "-D", "stream.num.map.output.key.fields=2", "-D", "mapreduce.partition.keypartitioner.options=-k1,1",
                "-D", "mapreduce.job.reduces=3",
                "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "cat", "-reducer", "cat",
                "-partitioner", "org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner",
            ], in: directory)
            let output = directory + "/out"
            var usersSeen = Set<String>()
            for part in ["part-00000", "part-00001", "part-00002"] {
                let partLines = try String(contentsOfFile: output + "/" + part, encoding: .utf8).split(separator: "\n").map(String.init)
                #expect(partLines == partLines.sorted(), "each partition is sorted by the whole key")
                let users = Set(partLines.map { String($0.split(separator: "\t")[0]) })
                #expect(usersSeen.isDisjoint(with: users), "a user's records all meet in one partition")
                usersSeen.formUnion(users)
            }
            #expect(usersSeen.count == 6)
        }
    }

    @Test("-files with #alias and -archives unpacked into the task directory")
    func filesAndArchives() async throws {
        try await withTemporaryDirectory { directory in
            try write("hello\n", to: directory + "/in.txt")
            try write("#!/bin/sh\nwhile read line; do echo \"$line\t$(cat lookup/greeting.txt)\"; done\n", to: directory + "/tool.sh")
            try write("bonjour\n", to: directory + "/pack/greeting.txt")
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
            tar.arguments = ["-czf", directory + "/pack.tgz", "-C", directory + "/pack", "greeting.txt"]
            try tar.run()
            tar.waitUntilExit()
            _ = try await runStreaming([
                "-files", directory + "/tool.sh#greet", "-archives", directory + "/pack.tgz#lookup",
                "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "greet", "-reducer", "NONE",
            ], in: directory)
            #expect(try StreamOutput(directory + "/out").lines == ["hello\tbonjour"])
        }
    }

    @Test("-inputformat KeyValueTextInputFormat gives the mapper key<TAB>value lines, a line without a tab as key<TAB>")
    func keyValueInput() async throws {
        try await withTemporaryDirectory { directory in
            try write("k1\tv1\tmore\nlonely\n", to: directory + "/in.txt")
            _ = try await runStreaming([
                "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "sed s/^/seen:/", "-reducer", "NONE",
                "-inputformat", "org.apache.hadoop.mapred.KeyValueTextInputFormat",
            ], in: directory)
            #expect(try StreamOutput(directory + "/out").lines == ["seen:k1\tv1\tmore", "seen:lonely\t"])
        }
    }

    @Test("a zip archive is unpacked like a tarball; a shipped directory of programs is reachable by path")
    func zipArchive() async throws {
        try await withTemporaryDirectory { directory in
            try write("x\n", to: directory + "/in.txt")
            try write("#!/bin/sh\nwhile read l; do echo \"zipped\t$l\"; done\n", to: directory + "/tools/run.sh", executable: true)
            let zip = Process()
            zip.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            zip.arguments = ["-c", "import shutil; shutil.make_archive('\(directory)/tools', 'zip', '\(directory)/tools')"]
            try zip.run()
            zip.waitUntilExit()
            _ = try await runStreaming([
                "-archives", directory + "/tools.zip#bin", "-input", directory + "/in.txt", "-output", directory + "/out",
                "-mapper", "sh bin/run.sh", "-reducer", "NONE",
            ], in: directory)
            #expect(try StreamOutput(directory + "/out").lines == ["zipped\tx"])
        }
    }

    @Test("a program that is not executable is refused before any task runs")
    func notExecutable() async throws {
        try await withTemporaryDirectory { directory in
            try write("x\n", to: directory + "/in.txt")
            try write("#!/bin/sh\ncat\n", to: directory + "/plain.sh")
            let error = await #expect(throws: StreamJobError.self) {
                try await runStreaming(["-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", directory + "/plain.sh"], in: directory)
            }
            #expect(try #require(error).message.contains("Permission denied"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("reporter:counter and reporter:status lines on stderr become counters and status; other stderr is the log")
    func stderrReporter() async throws {
        try await withTemporaryDirectory { directory in
            try write("a\nb\nc\n", to: directory + "/in.txt")
            try write("""
                #!/bin/sh
                while read line; do
                  echo "reporter:counter:Quality,Lines seen,2" >&2
                  echo "$line"
                done
                echo "reporter:status:all read" >&2
                echo "just a log line" >&2
                """, to: directory + "/m.sh", executable: true)
            let outcome = try await runStreaming([
                "-files", directory + "/m.sh", "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "m.sh",
            ], in: directory)
            let result = try #require(outcome.results.first)
            #expect(result.counters["Quality", "Lines seen"] == 6)
            let map = try #require(result.attempts.first { $0.attempt.kind == .map })
            #expect(map.status == "all read")
            #expect(map.log.text == "just a log line\n")
        }
    }

    @Test("a mapper that exits 3 is retried up to four times, then the job fails naming the code and its stderr")
    func failingMapperIsRetriedThenFails() async throws {
        try await withTemporaryDirectory { directory in
            try write("ok\nboom\nok\n", to: directory + "/in.txt")
            try write("""
                #!/bin/sh
                while read line; do
                  if [ "$line" = boom ]; then echo "cannot handle $line" >&2; exit 3; fi
                  echo "$line"
                done
                """, to: directory + "/m.sh", executable: true)
            let error = await #expect(throws: StreamJobError.self) {
                try await runStreaming([
                    "-files", directory + "/m.sh", "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "m.sh",
                ], in: directory)
            }
            let message = try #require(error).description
            #expect(message.contains("task_"))
            #expect(message.contains("failed 4 times"))
            #expect(message.contains("subprocess failed with code 3"))
            #expect(message.contains("cannot handle boom"))
            #expect(message.hasSuffix("Streaming Command Failed!"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"), "no partial output")
        }
    }

    @Test("a mapper that stops reading early fails its attempt with a broken pipe")
    func brokenPipe() async throws {
        try await withTemporaryDirectory { directory in
            let text = String(repeating: "some words on a line\n", count: 100_000)
            try write(text, to: directory + "/in.txt")
            let error = await #expect(throws: StreamJobError.self) {
                try await runStreaming([
                    "-D", "mapreduce.map.maxattempts=1",
                    "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "head -n 1",
                ], in: directory)
            }
            #expect(try #require(error).description.contains("Broken pipe"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("a 20 MiB line passes through intact")
    func hugeLine() async throws {
        try await withTemporaryDirectory { directory in
            let line = String(repeating: "x", count: 20 << 20)
            try write("key\t" + line + "\nshort\tone\n", to: directory + "/in.txt")
            _ = try await runStreaming(["-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "cat", "-reducer", "cat"], in: directory)
            let output = try StreamOutput(directory + "/out")
            #expect(output.lines.count == 2)
            #expect(output.lines[0] == "key\t" + line)
            #expect(output.lines[1] == "short\tone")
        }
    }

    @Test("a mapper that writes much more than it reads, and one that reads everything first, both finish")
    func noDeadlockEitherWay() async throws {
        try await withTemporaryDirectory { directory in
            try write(String(repeating: "line\n", count: 200_000), to: directory + "/in.txt")
            // Writes 100 MiB before reading its input, then echoes it all.
            try write("""
                #!/usr/bin/env python3
                import sys
                out = sys.stdout
                chunk = "k\\t" + "v" * 1021 + "\\n"
                for _ in range(100 * 1024):
                    out.write(chunk)
                for line in sys.stdin:
                    out.write(line)
                """, to: directory + "/writer.py", executable: true)
            let outcome = try await runStreaming([
                "-files", directory + "/writer.py", "-input", directory + "/in.txt", "-output", directory + "/out",
                "-mapper", "writer.py", "-reducer", "NONE",
            ], in: directory)
            #expect(try #require(outcome.results.first).counters[.mapOutputRecords] == 100 * 1024 + 200_000)
            _ = try await runStreaming([
                "-input", directory + "/in.txt", "-output", directory + "/out2", "-mapper", "sort", "-reducer", "NONE",
            ], in: directory)
            #expect(try StreamOutput(directory + "/out2").lines.count == 200_000)
        }
    }

    @Test("-reducer aggregate sums, maximises and histograms with Hadoop's reports")
    func aggregate() async throws {
        try await withTemporaryDirectory { directory in
            try write("a 3\nb 5\na 4\n", to: directory + "/in.txt")
            try write("""
                #!/bin/sh
                while read word n; do
                  echo "LongValueSum:$word\t$n"
                  echo "LongValueMax:max\t$n"
                  echo "ValueHistogram:words\t$word"
                done
                """, to: directory + "/m.sh", executable: true)
            _ = try await runStreaming([
                "-files", directory + "/m.sh", "-input", directory + "/in.txt", "-output", directory + "/out",
                "-mapper", "m.sh", "-reducer", "aggregate",
            ], in: directory)
            // Keys sort with their type prefix: LongValueMax, LongValueSum, ValueHistogram.
            #expect(try StreamOutput(directory + "/out").lines == ["max\t5", "a\t7", "b\t5", "words\t2\t1\t2\t2\t1.5\t0.5"])
        }
    }

    @Test("a command that is not found fails before any task runs; the output location is untouched")
    func commandNotFound() async throws {
        try await withTemporaryDirectory { directory in
            try write("a\n", to: directory + "/in.txt")
            let error = await #expect(throws: StreamJobError.self) {
                try await runStreaming(["-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "no-such-mapper-x"], in: directory)
            }
            #expect(try #require(error).message.contains("Cannot run program \"no-such-mapper-x\""))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("a failed job leaves no child process behind, background ones included", .timeLimit(.minutes(1)))
    func noProcessLeftBehind() async throws {
        try await withTemporaryDirectory { directory in
            try write("a\n", to: directory + "/in.txt")
            try write("""
                #!/bin/sh
                sleep 300 &
                echo $! > "\(directory)/sleeper.pid"
                exit 1
                """, to: directory + "/m.sh", executable: true)
            await #expect(throws: StreamJobError.self) {
                try await runStreaming([
                    "-D", "mapreduce.map.maxattempts=1", "-files", directory + "/m.sh",
                    "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "m.sh",
                ], in: directory)
            }
            let pid = try #require(Int32(try String(contentsOfFile: directory + "/sleeper.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!processIsAlive(pid))
        }
    }

    @Test("the task's environment holds the job's properties, the task's ids, -cmdenv and TMPDIR in the task directory")
    func environment() async throws {
        try await withTemporaryDirectory { directory in
            try write("x\n", to: directory + "/in.txt")
            try write("""
                #!/bin/sh
                read line
                echo "prop\t$my_custom_prop"
                echo "attempt\t$mapreduce_task_attempt_id"
                echo "partition\t$mapreduce_task_partition"
                echo "input\t$(basename "$mapreduce_map_input_file")"
                echo "cmdenv\t$GREETING"
                case "$TMPDIR" in "$PWD"/*) echo "tmpdir\tinside";; *) echo "tmpdir\toutside";; esac
                """, to: directory + "/m.sh", executable: true)
            _ = try await runStreaming([
                "-D", "my.custom-prop=42", "-files", directory + "/m.sh", "-input", directory + "/in.txt", "-output", directory + "/out",
                "-mapper", "m.sh", "-reducer", "NONE", "-cmdenv", "GREETING=hi there",
            ], in: directory)
            let lines = try StreamOutput(directory + "/out").lines
            #expect(lines.contains("prop\t42"))
            #expect(lines.contains { $0.hasPrefix("attempt\tattempt_") && $0.hasSuffix("_m_000000_0") })
            #expect(lines.contains("partition\t0"))
            #expect(lines.contains("input\tin.txt"))
            #expect(lines.contains("cmdenv\thi there"))
            #expect(lines.contains("tmpdir\tinside"))
        }
    }
}

@Suite("Cancelling a streaming job")
struct StreamingCancellationTests {
    @Test("a cancelled job kills its running programs and leaves no output", .timeLimit(.minutes(1)))
    func cancelKillsPrograms() async throws {
        try await withTemporaryDirectory { directory in
            try write("a\n", to: directory + "/in.txt")
            let fifo = directory + "/started"
            #expect(mkfifo(fifo, 0o600) == 0)
            // The mapper says it is running through the FIFO, then blocks for good.
            try write("#!/bin/sh\necho $$ > \"\(fifo)\"\nexec sleep 300\n", to: directory + "/m.sh", executable: true)
            let job = Task {
                try await runStreaming([
                    "-files", directory + "/m.sh", "-input", directory + "/in.txt", "-output", directory + "/out", "-mapper", "m.sh",
                ], in: directory)
            }
            let pidText = try await BlockingWork.run(cancellation: CancellationFlag()) { () -> String in
                // Opening a FIFO for reading blocks until the mapper opens it for writing.
                let fd = open(fifo, O_RDONLY)
                defer { close(fd) }
                var bytes = [UInt8](repeating: 0, count: 64)
                let count = read(fd, &bytes, bytes.count)
                return String(decoding: bytes.prefix(max(0, count)), as: UTF8.self)
            }
            let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(processIsAlive(pid))
            job.cancel()
            await #expect(throws: (any Error).self) { try await job.value }
            #expect(!processIsAlive(pid))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }
}
