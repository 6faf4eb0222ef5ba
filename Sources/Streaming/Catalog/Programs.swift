import Foundation
import Jobs
import MapReduce

/// Every program a job can name: the job library's, and Hadoop Streaming.
public enum Programs {
    /// The program named `name` — an examples-jar name (`wordcount`), a Hadoop
    /// class (`org.apache.hadoop.examples.WordCount`,
    /// `org.apache.hadoop.streaming.HadoopStreaming`) or `streaming`.
    public static func program(named name: String) -> (any JobProgram.Type)? {
        if name == HadoopStreaming.name || name == HadoopStreaming.hadoopClass { return HadoopStreaming.self }
        return JobLibrary.program(named: name)
    }

    /// The listing printed for an unknown name.
    public static var listing: String {
        let width = (JobLibrary.programs.map { $0.name.count } + [HadoopStreaming.name.count]).max()! + 2
        return JobLibrary.listing + "\n  " + HadoopStreaming.name.padding(toLength: width, withPad: " ", startingAt: 0) + HadoopStreaming.summary
    }
}
