import Foundation
import MapReduce
import Testing
@testable import Streaming

@Suite("Streaming's pure parts: command splitting, line fields, reporter lines, options")
struct StreamProtocolTests {
    @Test("commands split like Hadoop's splitArgs: spaces, quotes end words, no shell", arguments: [
        ("python3 mapper.py", ["python3", "mapper.py"]),
        ("  cat   -n ", ["cat", "-n"]),
        ("grep 'a b' \"c d\"", ["grep", "a b", "c d"]),
        ("a'b c'd", ["a", "b c", "d"]),
        ("echo \"it's\"", ["echo", "it's"]),
        ("bash -c 'cut -f1 | sort'", ["bash", "-c", "cut -f1 | sort"]),
    ])
    func splitting(text: String, expected: [String]) throws {
        #expect(try StreamCommand(text, role: "mapper").arguments == expected)
    }

    @Test("shell syntax outside quotes is refused with advice to use a script", arguments: ["cat | wc -l", "cut -f1 > out", "a && b", "echo $(date)"])
    func shellSyntaxRefused(text: String) {
        #expect {
            try StreamCommand(text, role: "mapper")
        } throws: { error in
            "\(error)".contains("shell syntax") && "\(error)".contains("script")
        }
    }

    @Test("the key is everything before the N-th separator; fewer separators make the whole line the key", arguments: [
        ("a\tb\tc", "\t", 1, "a", "b\tc"),
        ("a\tb\tc", "\t", 2, "a\tb", "c"),
        ("a\tb", "\t", 3, "a\tb", ""),
        ("noseparator", "\t", 1, "noseparator", ""),
        ("k::v::w", "::", 1, "k", "v::w"),
        ("k:v", "::", 1, "k:v", ""),
        ("x.y.z", ".", 2, "x.y", "z"),
    ])
    func lineFields(line: String, separator: String, fields: Int, key: String, value: String) {
        let splitter = LineFields(separator: separator, keyFields: fields)
        Array(line.utf8).withUnsafeBytes { bytes in
            splitter.split(bytes) { k, v in
                #expect(String(decoding: k, as: UTF8.self) == key)
                #expect(String(decoding: v, as: UTF8.self) == value)
            }
        }
    }

    @Test("reporter lines: counters, status, malformed ones, and plain log")
    func reporterLines() {
        #expect(ReporterLine.parse("reporter:counter:G,C,5", prefix: "reporter:") == .counter(group: "G", name: "C", amount: 5))
        #expect(ReporterLine.parse("reporter:status: half way ", prefix: "reporter:") == .status("half way"))
        #expect(ReporterLine.parse("reporter:counter:G,C", prefix: "reporter:") == .malformed(warning: "Cannot parse counter line: reporter:counter:G,C"))
        #expect(ReporterLine.parse("reporter:counter:G,C,x", prefix: "reporter:")
            == .malformed(warning: "Cannot parse counter increment 'x' from line: reporter:counter:G,C,x"))
        #expect(ReporterLine.parse("Traceback (most recent call last):", prefix: "reporter:") == .log)
    }

    @Test("lines end at LF, CRLF or a lone CR, split across reads or not")
    func lineBuffer() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let text = "one\ntwo\r\nthree\rfour"
        _ = text.utf8CString.withUnsafeBufferPointer { write(fds[1], $0.baseAddress, text.utf8.count) }
        close(fds[1])
        var buffer = LineBuffer()
        var lines: [String] = []
        while try buffer.read(from: fds[0], line: { lines.append(String(decoding: $0, as: UTF8.self)) }) > 0 {}
        try buffer.flushLast { lines.append(String(decoding: $0, as: UTF8.self)) }
        #expect(lines == ["one", "two", "three", "four"])
    }

    @Test("Hadoop's argument errors, in Hadoop's words, with exit code 1", arguments: [
        (["-output", "o"], "Required argument: -input <name>"),
        (["-input", "i"], "Required argument: -output <name>"),
        (["-input", "i", "-output", "o", "stray", "words"], "Found 2 unexpected arguments on the command line [stray, words]"),
        (["-input", "i", "-output", "o", "-frobnicate"], "Unrecognized option: -frobnicate"),
        (["-input", "i", "-D", "a=b", "-output", "o"], "generic option -D must come before the streaming options"),
        (["-input"], "Missing argument for option: input"),
        (["-numReduceTasks", "many", "-input", "i", "-output", "o"], "-numReduceTasks takes a number"),
    ])
    func argumentErrors(arguments: [String], message: String) {
        #expect {
            try StreamJobOptions(arguments: arguments)
        } throws: { error in
            guard let error = error as? StreamJobError else { return false }
            return error.exitCode == 1 && error.message.hasPrefix(message) && error.description.hasSuffix("Streaming Command Failed!")
        }
    }

    @Test("generic options first, then streaming options; -file and -jobconf are deprecated but work")
    func options() throws {
        let options = try StreamJobOptions(arguments: [
            "-D", "a=1", "-Db=2", "-files", "m.py,r.py#red", "-archives", "x.tgz",
            "-input", "i1,i2", "-input", "i3", "-output", "o", "-mapper", "m.py", "-reducer", "red",
            "-file", "extra.txt", "-jobconf", "c=3", "-cmdenv", "K=V", "-numReduceTasks", "2",
        ])
        #expect(options.properties == ["a": "1", "b": "2", "c": "3"])
        #expect(options.files == ["m.py", "r.py#red", "extra.txt"])
        #expect(options.archives == ["x.tgz"])
        #expect(options.inputs == ["i1", "i2", "i3"])
        #expect(options.reduceTasks == 2)
        #expect(options.environment == ["K": "V"])
        #expect(options.warnings.count == 2)
    }

    @Test("KeyFieldBasedPartitioner hashes the chosen fields as Hadoop does")
    func keyFieldPartitioner() throws {
        let partitioner = try KeyFieldBasedPartitioner(configuration: JobConfiguration([KeyFieldBasedPartitioner.optionsKey: "-k1,1"]))
        func partition(_ key: String, _ n: Int) -> Int { Array(key.utf8).withUnsafeBytes { partitioner.partition(key: $0, partitions: n) } }
        // 31 * 'u' + '1' = 3676, and 3676 % 3 == 1: the second field does not count.
        #expect(partition("u1\tt3", 3) == 1)
        #expect(partition("u1\tt1", 3) == 1)
        #expect(partition("u1", 3) == 1)
        let whole = try KeyFieldBasedPartitioner(configuration: JobConfiguration())
        // No spec: Java's String.hashCode of "ab" is 3105; 3105 % 7 == 4.
        #expect(Array("ab".utf8).withUnsafeBytes { whole.partition(key: $0, partitions: 7) } == 4)
    }

    @Test("aggregator reports match Hadoop's", arguments: [
        ("LongValueSum", ["1", "2", "3"], "6"),
        ("longvaluemin", ["5", "-2", "3"], "-2"),
        ("DoubleValueSum", ["1.5", "2"], "3.5"),
        ("StringValueMax", ["pear", "apple", "zoo"], "zoo"),
        ("UniqValueCount", ["a", "b", "a"], "2"),
        ("ValueHistogram", ["x", "y", "x", "z\t3"], "3\t1\t2\t3\t2.0\t0.816496580927726"),
    ])
    func aggregators(type: String, values: [String], report: String) throws {
        var aggregator = try #require(ValueAggregator(type: type, uniqueLimit: .max))
        for value in values { try aggregator.add(value) }
        #expect(aggregator.report == report)
    }
}
