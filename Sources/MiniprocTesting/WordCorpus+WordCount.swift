import Jobs
import MapReduce

extension WordCorpus {
    /// Word count over this corpus into `output`: one map per file, `reduces`
    /// reducers, and a 1 MB sort buffer so that even small inputs spill.
    public func wordCount(output: String, reduces: Int = 2) -> MapReduceJob {
        WordCount.makeJob(inputs: files, output: output, configuration: JobConfiguration([
            ConfigKey.reduces: String(reduces), ConfigKey.sortMB: "1",
        ]))
    }
}
