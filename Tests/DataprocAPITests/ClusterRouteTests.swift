import Foundation
import Testing

@Suite struct ClusterRouteTests {
    @Test func creatingAClusterAnswersWithARunningOperationThenServesTheFilledCluster() async throws {
        try await withAPI { client, _ in
            let created = try await client.call(.post, "\(base)/clusters?requestId=r1", """
            {"clusterName":"c1","projectId":"demo","config":{"gceClusterConfig":{"zoneUri":""},"masterConfig":{"diskConfig":{},"machineTypeUri":"n1-standard-2"},"softwareConfig":{},"workerConfig":{"diskConfig":{},"machineTypeUri":"n1-standard-4","numInstances":2}},"labels":{"env":"test"}}
            """)
            #expect(created.status == .ok)
            #expect(created.headers[.contentType] == "application/json; charset=UTF-8")
            let name = try #require(created.string("name"))
            #expect(name.hasPrefix("projects/demo/regions/us-central1/operations/"))
            #expect(UUID(uuidString: String(name.split(separator: "/").last ?? "")) != nil)
            #expect(created.string("metadata.@type") == "type.googleapis.com/google.cloud.dataproc.v1.ClusterOperationMetadata")
            #expect(created.string("metadata.operationType") == "CREATE")
            #expect(created.string("metadata.description") == "Create cluster with 2 workers")
            #expect(created.string("metadata.status.state") == "RUNNING")
            #expect(created["done"] == nil)

            let done = try await client.waitForOperation(name)
            #expect(done.string("response.@type") == "type.googleapis.com/google.cloud.dataproc.v1.Cluster")
            #expect(done.array("metadata.statusHistory").compactMap { ($0 as? [String: Any])?["state"] as? String } == ["PENDING", "RUNNING"])
            #expect(done.string("metadata.status.state") == "DONE")

            let cluster = try await client.call(.get, "\(base)/clusters/c1")
            #expect(cluster.string("status.state") == "RUNNING")
            let uuid = try #require(cluster.string("clusterUuid"))
            #expect(UUID(uuidString: uuid) != nil)
            #expect(cluster.string("config.configBucket")?.hasPrefix("dataproc-staging-us-central1-") == true)
            #expect(cluster.string("config.gceClusterConfig.zoneUri") == "https://www.googleapis.com/compute/v1/projects/demo/zones/us-central1-f")
            #expect(cluster.string("config.workerConfig.machineTypeUri")
                == "https://www.googleapis.com/compute/v1/projects/demo/zones/us-central1-f/machineTypes/n1-standard-4")
            #expect(cluster["config.workerConfig.instanceNames"] as? [String] == ["c1-w-0", "c1-w-1"])
            #expect(cluster["config.masterConfig.instanceNames"] as? [String] == ["c1-m"])
            #expect(cluster["config.workerConfig.diskConfig.bootDiskSizeGb"] as? Int == 1000)
            #expect(cluster.string("config.softwareConfig.imageVersion") == "2.2.63-debian12")
            #expect(cluster.string("config.softwareConfig.properties[\"yarn:yarn.nodemanager.resource.memory-mb\"]") == "12288")
            #expect(cluster.string("labels.env") == "test")
            #expect(cluster.string("labels[\"goog-dataproc-cluster-uuid\"]") == uuid)
            #expect(cluster.string("labels[\"goog-dataproc-location\"]") == "us-central1")
            #expect(cluster.string("labels[\"goog-dataproc-autozone\"]") == "enabled")
            #expect(cluster.string("metrics.yarnMetrics[\"yarn-memory-mb-total\"]") == "24576")
            #expect(cluster.string("metrics.yarnMetrics[\"yarn-nodes-active\"]") == "2")
            #expect(cluster.array("statusHistory").compactMap { ($0 as? [String: Any])?["state"] as? String } == ["CREATING"])

            // The same requestId again is the same operation, not a conflict.
            let retried = try await client.call(.post, "\(base)/clusters?requestId=r1", #"{"clusterName":"c1","projectId":"demo"}"#)
            #expect(retried.string("name") == name)
        }
    }

    @Test func aSecondClusterOfTheSameNameIsAConflictAndAMissingOneIsNotFound() async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1")
            let again = try await client.call(.post, "\(base)/clusters", #"{"clusterName":"c1","projectId":"demo"}"#)
            #expect(again.status == .conflict)
            #expect(again.string("error.status") == "ALREADY_EXISTS")
            #expect(again["error.code"] as? Int == 409)
            #expect(again.string("error.message") == "Already exists: Failed to create cluster: Cluster projects/demo/regions/us-central1/clusters/c1")

            let missing = try await client.call(.get, "\(base)/clusters/nope")
            #expect(missing.status == .notFound)
            #expect(missing.string("error.status") == "NOT_FOUND")
            #expect(missing.string("error.message") == "Not found: Cluster projects/demo/regions/us-central1/clusters/nope")
        }
    }

    @Test(arguments: [
        (#""workerConfig":{"numInstances":1}"#, "config.workerConfig.numInstances"),
        (#""workerConfig":{"machineTypeUri":"z9-huge-3"}"#, "config.workerConfig.machineTypeUri"),
        (#""lifecycleConfig":{"idleDeleteTtl":"60s"}"#, "config.lifecycleConfig.idleDeleteTtl"),
    ])
    func anInvalidConfigurationIsRefusedWithTheFieldAtFault(config: String, field: String) async throws {
        try await withAPI { client, _ in
            let refused = try await client.call(.post, "\(base)/clusters", #"{"clusterName":"bad","projectId":"demo","config":{\#(config)}}"#)
            #expect(refused.status == .badRequest)
            #expect(refused.string("error.status") == "INVALID_ARGUMENT")
            #expect(refused.string("error.details[0].@type") == "type.googleapis.com/google.rpc.BadRequest")
            #expect(refused.string("error.details[0].fieldViolations[0].field") == field)
            #expect(try await client.call(.get, "\(base)/clusters/bad").status == .notFound)
        }
    }

    @Test func aBadClusterNameIsRefused() async throws {
        try await withAPI { client, _ in
            let refused = try await client.call(.post, "\(base)/clusters", #"{"clusterName":"Bad_Name","projectId":"demo"}"#)
            #expect(refused.status == .badRequest)
            #expect(refused.string("error.details[0].fieldViolations[0].field") == "clusterName")
        }
    }

    @Test(arguments: [
        ("", ["alpha", "beta", "gamma"]),
        ("status.state = RUNNING", ["alpha", "beta", "gamma"]),
        ("status.state = ACTIVE", ["alpha", "beta", "gamma"]),
        ("status.state = INACTIVE", []),
        ("labels.env = prod", ["alpha", "gamma"]),
        ("labels.env = prod AND clusterName = gamma", ["gamma"]),
        ("labels.env=prod labels.team=data", ["gamma"]),
        ("labels.team = *", ["beta", "gamma"]),
        ("clusterName = \"beta\"", ["beta"]),
    ])
    func listingFiltersByStateNameAndLabels(filter: String, expected: [String]) async throws {
        try await withAPI { client, _ in
            try await client.createCluster("gamma", body: #","labels":{"env":"prod","team":"data"}"#)
            try await client.createCluster("alpha", body: #","labels":{"env":"prod"}"#)
            try await client.createCluster("beta", body: #","labels":{"env":"dev","team":"web"}"#)
            let encoded = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? filter
            let listed = try await client.call(.get, "\(base)/clusters?pageSize=100&filter=\(encoded)")
            #expect(listed.status == .ok, "\(listed.text)")
            #expect(listed.array("clusters").compactMap { ($0 as? [String: Any])?["clusterName"] as? String } == expected)
        }
    }

    @Test func listingRefusesUnsupportedFiltersAndPagesWithTokens() async throws {
        try await withAPI { client, _ in
            for name in ["c1", "c2", "c3"] { try await client.createCluster(name) }
            let refused = try await client.call(.get, "\(base)/clusters?filter=status.state%20%3D%20RUNNING%20OR%20clusterName%20%3D%20c1")
            #expect(refused.status == .badRequest)
            let first = try await client.call(.get, "\(base)/clusters?pageSize=2")
            #expect(first.array("clusters").count == 2)
            let token = try #require(first.string("nextPageToken"))
            let second = try await client.call(.get, "\(base)/clusters?pageSize=2&pageToken=\(token)")
            #expect(second.array("clusters").compactMap { ($0 as? [String: Any])?["clusterName"] as? String } == ["c3"])
            #expect(second["nextPageToken"] == nil)
            #expect(try await client.call(.get, "\(base)/clusters?pageToken=garbage").status == .badRequest)
        }
    }

    @Test(arguments: ["config.worker_config.num_instances", "config.workerConfig.numInstances"])
    func updatingTheWorkerCountResizesThroughAnUpdateOperation(mask: String) async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1")
            let update = try await client.call(
                .patch, "\(base)/clusters/c1?updateMask=\(mask)&gracefulDecommissionTimeout=3600s&requestId=x",
                #"{"clusterName":"c1","config":{"workerConfig":{"numInstances":3}},"projectId":"demo"}"#)
            #expect(update.string("metadata.operationType") == "UPDATE")
            #expect(update.string("metadata.description") == "Add 1 workers.")
            _ = try await client.waitForOperation(try #require(update.string("name")))
            let cluster = try await client.call(.get, "\(base)/clusters/c1")
            #expect(cluster["config.workerConfig.numInstances"] as? Int == 3)
            #expect(cluster.array("statusHistory").compactMap { ($0 as? [String: Any])?["state"] as? String } == ["CREATING", "RUNNING", "UPDATING"])

            let one = try await client.call(.patch, "\(base)/clusters/c1?updateMask=\(mask)", #"{"config":{"workerConfig":{"numInstances":1}}}"#)
            #expect(one.status == .badRequest)
            #expect(one.string("error.details[0].fieldViolations[0].field") == "config.workerConfig.numInstances")
        }
    }

    @Test func labelsLifecycleAndPolicyUpdatesApplyAndUnknownMasksAreRefused() async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1", body: #","labels":{"a":"1"}"#)
            let labels = try await client.call(.patch, "\(base)/clusters/c1?updateMask=labels", #"{"labels":{"b":"2"}}"#)
            _ = try await client.waitForOperation(try #require(labels.string("name")))
            var cluster = try await client.call(.get, "\(base)/clusters/c1")
            #expect(cluster.string("labels.b") == "2")
            #expect(cluster["labels.a"] == nil)
            #expect(cluster.string("labels[\"goog-dataproc-cluster-name\"]") == "c1")

            let ttl = try await client.call(.patch, "\(base)/clusters/c1?updateMask=config.lifecycle_config.idle_delete_ttl",
                                             #"{"config":{"lifecycleConfig":{"idleDeleteTtl":"1800s"}}}"#)
            _ = try await client.waitForOperation(try #require(ttl.string("name")))
            cluster = try await client.call(.get, "\(base)/clusters/c1")
            #expect(cluster.string("config.lifecycleConfig.idleDeleteTtl") == "1800s")
            let cleared = try await client.call(.patch, "\(base)/clusters/c1?updateMask=config.lifecycleConfig.idleDeleteTtl", #"{}"#)
            _ = try await client.waitForOperation(try #require(cleared.string("name")))
            cluster = try await client.call(.get, "\(base)/clusters/c1")
            #expect(cluster["config.lifecycleConfig.idleDeleteTtl"] == nil)

            let missingPolicy = try await client.call(.patch, "\(base)/clusters/c1?updateMask=config.autoscaling_config.policy_uri",
                                                       #"{"config":{"autoscalingConfig":{"policyUri":"projects/demo/regions/us-central1/autoscalingPolicies/none"}}}"#)
            #expect(missingPolicy.status == .badRequest)

            let unknown = try await client.call(.patch, "\(base)/clusters/c1?updateMask=config.master_config.num_instances", #"{}"#)
            #expect(unknown.status == .badRequest)
            #expect(unknown.string("error.message")?.contains("config.worker_config.num_instances") == true)
            let noMask = try await client.call(.patch, "\(base)/clusters/c1", #"{}"#)
            #expect(noMask.status == .badRequest)
        }
    }

    @Test func stopAndStartMoveTheClusterAndAStoppedClusterCannotBeUpdated() async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1")
            let stop = try await client.call(.post, "\(base)/clusters/c1:stop", #"{"requestId":"s1"}"#)
            #expect(stop.string("metadata.operationType") == "STOP")
            _ = try await client.waitForOperation(try #require(stop.string("name")))
            #expect(try await client.call(.get, "\(base)/clusters/c1").string("status.state") == "STOPPED")

            let update = try await client.call(.patch, "\(base)/clusters/c1?updateMask=config.worker_config.num_instances",
                                               #"{"config":{"workerConfig":{"numInstances":3}}}"#)
            #expect(update.status == .badRequest)
            #expect(update.string("error.status") == "FAILED_PRECONDITION")
            let job = try await client.call(.post, "\(base)/jobs:submit", """
            {"job":{"placement":{"clusterName":"c1"},"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["a","b"]}}}
            """)
            #expect(job.string("error.status") == "FAILED_PRECONDITION")

            let start = try await client.call(.post, "\(base)/clusters/c1:start", #"{}"#)
            _ = try await client.waitForOperation(try #require(start.string("name")))
            #expect(try await client.call(.get, "\(base)/clusters/c1").string("status.state") == "RUNNING")
        }
    }

    @Test func deletingAClusterEndsWithAnEmptyResponseAndTheClusterGone() async throws {
        try await withAPI { client, _ in
            let created = try await client.createCluster("c1")
            let uuid = try #require(created.string("response.clusterUuid"))
            let wrongUuid = try await client.call(.delete, "\(base)/clusters/c1?clusterUuid=00000000-0000-4000-8000-000000000000")
            #expect(wrongUuid.status == .notFound)
            let delete = try await client.call(.delete, "\(base)/clusters/c1?clusterUuid=\(uuid)&requestId=d1")
            #expect(delete.string("metadata.operationType") == "DELETE")
            #expect(delete.string("metadata.description") == "Delete cluster")
            let done = try await client.waitForOperation(try #require(delete.string("name")))
            #expect(done.string("response.@type") == "type.googleapis.com/google.protobuf.Empty")
            #expect(done["error"] == nil)
            #expect(try await client.call(.get, "\(base)/clusters/c1").status == .notFound)
        }
    }

    @Test func enumsAreAcceptedAsNumbersAndServedAsNames() async throws {
        try await withAPI { client, _ in
            let created = try await client.call(.post, "\(base)/clusters", """
            {"clusterName":"c1","projectId":"demo","config":{"secondaryWorkerConfig":{"numInstances":2,"preemptibility":3},"workerConfig":{"numInstances":"2","machineTypeUri":"n1-standard-2"}}}
            """)
            _ = try await client.waitForOperation(try #require(created.string("name")))
            let cluster = try await client.call(.get, "\(base)/clusters/c1")
            #expect(cluster.string("config.secondaryWorkerConfig.preemptibility") == "SPOT")
            #expect(cluster["config.secondaryWorkerConfig.numInstances"] as? Int == 2)
        }
    }
}
