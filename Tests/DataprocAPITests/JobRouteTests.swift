import Foundation
import Testing

@Suite struct JobRouteTests {
    static let examplesJar = "file:///usr/lib/hadoop-mapreduce/hadoop-mapreduce-examples.jar"

    private func submit(_ client: Client, _ job: String) async throws -> JSONResponse {
        try await client.call(.post, "\(base)/jobs:submit", #"{"job":\#(job),"requestId":"\#(UUID().uuidString)"}"#)
    }

    @Test func aWordCountOnGcsPathsRunsStreamsItsDriverOutputAndWritesItsOutput() async throws {
        try await withAPI { client, scratch in
            try await client.createCluster("c1")
            try scratch.put(bucket: "b", name: "in/one.txt", "hello world\nhello again\n")
            try scratch.put(bucket: "b", name: "in/two.txt", "world of words\n")
            let submitted = try await submit(client, """
            {"placement":{"clusterName":"c1"},"reference":{"jobId":"wc1","projectId":"demo"},"labels":{"env":"test"},
             "hadoopJob":{"mainJarFileUri":"\(Self.examplesJar)","args":["wordcount","gs://b/in","gs://b/out"],"properties":{"mapreduce.job.reduces":"2"}}}
            """)
            #expect(submitted.status == .ok, "\(submitted.text)")
            #expect(submitted.string("reference.jobId") == "wc1")
            #expect(submitted.string("status.state") != nil)
            let cluster = try await client.call(.get, "\(base)/clusters/c1")
            let bucket = try #require(cluster.string("config.configBucket"))
            let uuid = try #require(cluster.string("clusterUuid"))
            let folder = "google-cloud-dataproc-metainfo/\(uuid)/jobs/wc1/"
            #expect(submitted.string("driverControlFilesUri") == "gs://\(bucket)/\(folder)")
            #expect(submitted.string("driverOutputResourceUri") == "gs://\(bucket)/\(folder)driveroutput")
            #expect(submitted.string("placement.clusterUuid") == uuid)

            let job = try await client.waitForJob("wc1")
            #expect(job.string("status.state") == "DONE")
            #expect(job["done"] as? Bool == true)
            #expect(job.array("statusHistory").compactMap { ($0 as? [String: Any])?["state"] as? String } == ["PENDING", "SETUP_DONE", "RUNNING"])
            #expect(job.string("yarnApplications[0].name") == "word count")
            #expect(job.string("yarnApplications[0].state") == "FINISHED")
            #expect(job["yarnApplications[0].progress"] as? Double == 1)

            // Output objects, read through the storage API.
            let listed = try await client.call(.get, "/storage/v1/b/b/o?prefix=out/")
            let names = listed.array("items").compactMap { ($0 as? [String: Any])?["name"] as? String }
            #expect(names == ["out/_SUCCESS", "out/part-r-00000", "out/part-r-00001"])
            var counts: [String: String] = [:]
            for name in names where name.contains("part-") {
                let encoded = name.replacingOccurrences(of: "/", with: "%2F")
                let media = try await client.call(.get, "/storage/v1/b/b/o/\(encoded)?alt=media")
                for line in media.text.split(separator: "\n") {
                    let parts = line.split(separator: "\t")
                    counts[String(parts[0])] = String(parts[1])
                }
            }
            #expect(counts == ["hello": "2", "world": "2", "again": "1", "of": "1", "words": "1"])

            // The driver output series: non-empty objects, closed by an empty one.
            let first = "\(folder)driveroutput.000000000".replacingOccurrences(of: "/", with: "%2F")
            let second = "\(folder)driveroutput.000000001".replacingOccurrences(of: "/", with: "%2F")
            let output = try await client.call(.get, "/storage/v1/b/\(bucket)/o/\(first)?alt=media")
            #expect(output.text.contains("INFO mapreduce.Job: Running job: job_"))
            #expect(output.text.contains("map 100% reduce 100%"))
            #expect(output.text.contains("Reduce output records=5"))
            #expect(try await client.call(.get, "/storage/v1/b/\(bucket)/o/\(second)?alt=json").string("size") == "0")
        }
    }

    @Test func aFailedJobSaysWhatFailedAndWhy() async throws {
        try await withAPI { client, scratch in
            try await client.createCluster("c1")
            _ = try await submit(client, """
            {"placement":{"clusterName":"c1"},"reference":{"jobId":"missing"},
             "hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/nothing-here","gs://b/out"]}}
            """)
            let missing = try await client.waitForJob("missing")
            #expect(missing.string("status.state") == "ERROR")
            #expect(missing.string("status.details")?.contains("Input path does not exist: gs://b/nothing-here") == true)

            try scratch.put(bucket: "b", name: "in/a.txt", "x\n")
            try scratch.put(bucket: "b", name: "exists/part-r-00000", "x\t1\n")
            _ = try await submit(client, """
            {"placement":{"clusterName":"c1"},"reference":{"jobId":"exists"},
             "hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/in","gs://b/exists"]}}
            """)
            let exists = try await client.waitForJob("exists")
            #expect(exists.string("status.state") == "ERROR")
            #expect(exists.string("status.details")?.contains("gs://b/exists already exists") == true)
        }
    }

    @Test(arguments: [
        (#"{"placement":{"clusterName":"c1"},"sparkJob":{"mainClass":"x"}}"#, "job.sparkJob"),
        (#"{"placement":{"clusterName":"c1"},"hadoopJob":{"mainClass":"com.example.Nope"}}"#, "job.hadoopJob.mainClass"),
        (#"{"placement":{"clusterName":"c1"},"hadoopJob":{"mainJarFileUri":"file:///usr/lib/hadoop/hadoop-streaming.jar","jarFileUris":["gs://b/x.jar"],"args":["-mapper","cat"]}}"#, "job.hadoopJob.jarFileUris"),
        (#"{"placement":{"clusterName":"c1"},"hadoopJob":{"mainJarFileUri":"file:///usr/lib/hadoop/hadoop-streaming.jar","fileUris":["gs://b/../../m.py"],"args":["-mapper","cat"]}}"#, "job.hadoopJob.fileUris[0]"),
        (#"{"placement":{"clusterName":"c1"},"hadoopJob":{"mainJarFileUri":"\#(examplesJar)","fileUris":["gs://b/m.py"],"args":["wordcount"]}}"#, "job.hadoopJob.fileUris"),
        (#"{"placement":{"clusterName":"c1"},"hadoopJob":{"mainJarFileUri":"\#(examplesJar)","args":["nosuchprogram"]}}"#, "job.hadoopJob.args[0]"),
        (#"{"placement":{"clusterName":"c1"},"hadoopJob":{"mainJarFileUri":"\#(examplesJar)","args":["wordcount","gs://b/../../etc","gs://b/o"]}}"#, "job.hadoopJob.args[1]"),
        (#"{"placement":{"clusterName":"c1"},"reference":{"jobId":"bad id!"},"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"}}"#, "job.reference.jobId"),
        (#"{"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"}}"#, "job.placement.clusterName"),
    ])
    func unsupportedOrInvalidJobsAreRefusedSayingWhatIsSupported(job: String, field: String) async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1")
            let refused = try await submit(client, job)
            #expect(refused.status == .badRequest, "\(refused.text)")
            #expect(refused.string("error.status") == "INVALID_ARGUMENT")
            #expect(refused.string("error.details[0].fieldViolations[0].field") == field)
        }
    }

    @Test func submittingToAMissingClusterIsNotFoundAndADuplicateIdAConflict() async throws {
        try await withAPI { client, scratch in
            let missing = try await submit(client, #"{"placement":{"clusterName":"nope"},"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"}}"#)
            #expect(missing.status == .notFound)
            #expect(missing.string("error.message") == "Not found: Cluster projects/demo/regions/us-central1/clusters/nope")
            try await client.createCluster("c1")
            try scratch.put(bucket: "b", name: "in/a.txt", "x\n")
            let job = #"{"placement":{"clusterName":"c1"},"reference":{"jobId":"j1"},"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/in","gs://b/o1"]}}"#
            #expect(try await submit(client, job).status == .ok)
            let again = try await submit(client, job)
            #expect(again.status == .conflict)
            #expect(again.string("error.message") == "Already exists: Failed to submit job: Job projects/demo/regions/us-central1/jobs/j1")
            #expect(try await client.call(.get, "\(base)/jobs/zzz").string("error.message") == "Not found: Job projects/demo/regions/us-central1/jobs/zzz")
        }
    }

    @Test func jobsAreListedByClusterStateAndLabelsCancelledDeletedAndRelabelled() async throws {
        try await withAPI { client, scratch in
            try await client.createCluster("c1")
            try await client.createCluster("c2")
            try scratch.put(bucket: "b", name: "in/a.txt", "x y z\n")
            for (id, cluster, env) in [("j1", "c1", "prod"), ("j2", "c2", "dev")] {
                _ = try await submit(client, """
                {"placement":{"clusterName":"\(cluster)"},"reference":{"jobId":"\(id)"},"labels":{"env":"\(env)"},
                 "hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/in","gs://b/out-\(id)"]}}
                """)
                _ = try await client.waitForJob(id)
            }
            func ids(_ query: String) async throws -> [String] {
                try await client.call(.get, "\(base)/jobs?\(query)").array("jobs").compactMap { ($0 as? [String: Any]).flatMap { JSONResponse.value($0, at: "reference.jobId") as? String } }
            }
            #expect(try await ids("pageSize=100") == ["j2", "j1"])
            #expect(try await ids("clusterName=c1") == ["j1"])
            #expect(try await ids("jobStateMatcher=ACTIVE") == [])
            #expect(try await ids("jobStateMatcher=2") == ["j2", "j1"])
            #expect(try await ids("filter=status.state%20%3D%20NON_ACTIVE%20AND%20labels.env%20%3D%20prod") == ["j1"])
            #expect(try await ids("filter=placement.clusterName%20%3D%20c2") == ["j2"])

            let cancel = try await client.call(.post, "\(base)/jobs/j1:cancel", "{}")
            #expect(cancel.status == .badRequest)
            #expect(cancel.string("error.status") == "FAILED_PRECONDITION")

            let patched = try await client.call(.patch, "\(base)/jobs/j1?updateMask=labels", #"{"labels":{"env":"staging"}}"#)
            #expect(patched.string("labels.env") == "staging")
            #expect(try await client.call(.patch, "\(base)/jobs/j1?updateMask=hadoopJob", "{}").status == .badRequest)

            #expect(try await client.call(.delete, "\(base)/jobs/j1").status == .ok)
            #expect(try await client.call(.get, "\(base)/jobs/j1").status == .notFound)
        }
    }

    @Test func anActiveJobCannotBeDeletedAndCancellingItEndsCancelled() async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1")
            // Enough maps that the job is still running when the cancel arrives.
            _ = try await submit(client, """
            {"placement":{"clusterName":"c1"},"reference":{"jobId":"pi"},
             "hadoopJob":{"mainJarFileUri":"\(Self.examplesJar)","args":["pi","40","20000"]}}
            """)
            let deleted = try await client.call(.delete, "\(base)/jobs/pi")
            #expect(deleted.status == .badRequest)
            #expect(deleted.string("error.status") == "FAILED_PRECONDITION")
            let cancelled = try await client.call(.post, "\(base)/jobs/pi:cancel", "{}")
            #expect(cancelled.status == .ok)
            #expect(cancelled.string("status.state") == "CANCEL_PENDING")
            let job = try await client.waitForJob("pi")
            #expect(job.string("status.state") == "CANCELLED")
            #expect(try await client.call(.delete, "\(base)/jobs/pi").status == .ok)
        }
    }

    @Test func jobsBeyondTheClustersDriverLimitWaitQueuedAndCanBeCancelledBeforeTheyStart() async throws {
        try await withAPI { client, scratch in
            try await client.createCluster(
                "c1", body: #","config":{"softwareConfig":{"properties":{"dataproc:dataproc.scheduler.max-concurrent-jobs":"1"}}}"#)
            _ = try await submit(client, """
            {"placement":{"clusterName":"c1"},"reference":{"jobId":"long"},
             "hadoopJob":{"mainJarFileUri":"\(Self.examplesJar)","args":["pi","40","20000"]}}
            """)
            try scratch.put(bucket: "b", name: "in/a.txt", "x\n")
            let queued = try await submit(client, """
            {"placement":{"clusterName":"c1"},"reference":{"jobId":"waits"},
             "hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/in","gs://b/o"]}}
            """)
            #expect(queued.string("status.state") == "PENDING")
            #expect(queued.string("status.substate") == "QUEUED")
            let cancelled = try await client.call(.post, "\(base)/jobs/waits:cancel", "{}")
            #expect(cancelled.string("status.state") == "CANCELLED", "\(cancelled.text)")
            _ = try await client.call(.post, "\(base)/jobs/long:cancel", "{}")
            #expect(try await client.waitForJob("long").string("status.state") == "CANCELLED")
            _ = try await submit(client, """
            {"placement":{"clusterName":"c1"},"reference":{"jobId":"after"},
             "hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/in","gs://b/o2"]}}
            """)
            #expect(try await client.waitForJob("after").string("status.state") == "DONE")
        }
    }
}
