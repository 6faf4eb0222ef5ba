import Foundation
import Testing

@Suite struct WorkflowRouteTests {
    @Test func anInlineWorkflowCreatesItsClusterRunsTheStepsInOrderAndDeletesIt() async throws {
        try await withAPI { client, scratch in
            try scratch.put(bucket: "b", name: "in/a.txt", "a b b\nc c c\n")
            let started = try await client.call(.post, "\(base)/workflowTemplates:instantiateInline?requestId=w1", """
            {"jobs":[
              {"stepId":"count-again","prerequisiteStepIds":["count"],"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/wf1","gs://b/wf2"]}},
              {"stepId":"count","hadoopJob":{"mainJarFileUri":"file:///usr/lib/hadoop-mapreduce/hadoop-mapreduce-examples.jar","args":["wordcount","gs://b/in","gs://b/wf1"]}}
             ],
             "placement":{"managedCluster":{"clusterName":"wf","config":{"workerConfig":{"numInstances":2,"machineTypeUri":"n1-standard-2"}}}}}
            """)
            #expect(started.status == .ok, "\(started.text)")
            #expect(started.string("metadata.@type") == "type.googleapis.com/google.cloud.dataproc.v1.WorkflowMetadata")
            let clusterName = try #require(started.string("metadata.clusterName"))
            #expect(clusterName.hasPrefix("wf-"))
            let done = try await client.waitForOperation(try #require(started.string("name")))
            #expect(done["error"] == nil, "\(done.text)")
            #expect(done.string("response.@type") == "type.googleapis.com/google.protobuf.Empty")
            #expect(done.string("metadata.state") == "DONE")
            #expect(done["metadata.createCluster.done"] as? Bool == true)
            #expect(done["metadata.deleteCluster.done"] as? Bool == true)
            let nodes = done.array("metadata.graph.nodes").compactMap { $0 as? [String: Any] }
            #expect(nodes.compactMap { $0["state"] as? String } == ["COMPLETED", "COMPLETED"])
            #expect((nodes.first?["jobId"] as? String)?.hasPrefix("count-again-") == true)
            #expect(try await client.call(.get, "\(base)/clusters/\(clusterName)").status == .notFound)
            let counted = try await client.call(.get, "/storage/v1/b/b/o?prefix=wf2/")
            #expect(counted.array("items").count >= 2)
            let job = try await client.call(.get, "\(base)/jobs/\(nodes.last?["jobId"] as? String ?? "")")
            #expect(job.string("labels[\"goog-dataproc-workflow-step-id\"]") == "count")
        }
    }

    @Test func aFailingStepFailsTheWorkflowAndTheClusterIsStillDeleted() async throws {
        try await withAPI { client, _ in
            let started = try await client.call(.post, "\(base)/workflowTemplates:instantiateInline", """
            {"jobs":[{"stepId":"broken","hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/none","gs://b/o"]}},
                     {"stepId":"after","prerequisiteStepIds":["broken"],"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/o","gs://b/p"]}}],
             "placement":{"managedCluster":{"clusterName":"wf","config":{}}}}
            """)
            let done = try await client.waitForOperation(try #require(started.string("name")))
            #expect(done.string("error.message")?.contains("Input path does not exist: gs://b/none") == true)
            let nodes = done.array("metadata.graph.nodes").compactMap { $0 as? [String: Any] }
            #expect(nodes.compactMap { $0["state"] as? String } == ["FAILED", "BLOCKED"])
            #expect(done["metadata.deleteCluster.done"] as? Bool == true)
            let clusterName = try #require(done.string("metadata.clusterName"))
            #expect(try await client.call(.get, "\(base)/clusters/\(clusterName)").status == .notFound)
        }
    }

    @Test func aTemplateWithACycleOrAnUnknownPrerequisiteIsRefused() async throws {
        try await withAPI { client, _ in
            let cycle = try await client.call(.post, "\(base)/workflowTemplates:instantiateInline", """
            {"jobs":[{"stepId":"one","prerequisiteStepIds":["two"],"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"}},
                     {"stepId":"two","prerequisiteStepIds":["one"],"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"}}],
             "placement":{"managedCluster":{"clusterName":"wf"}}}
            """)
            #expect(cycle.status == .badRequest)
            #expect(cycle.string("error.message")?.contains("cycle") == true)
            let unknown = try await client.call(.post, "\(base)/workflowTemplates:instantiateInline", """
            {"jobs":[{"stepId":"one","prerequisiteStepIds":["zzz"],"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"}}],
             "placement":{"managedCluster":{"clusterName":"wf"}}}
            """)
            #expect(unknown.string("error.details[0].fieldViolations[0].field") == "jobs[0].prerequisiteStepIds")
        }
    }
}
