import Cluster
import Foundation

/// The fields a profile may hold and their kinds, in Dataproc's proto3 JSON
/// names. Anything else is reported as unknown.
///
/// It mirrors the `Codable` model in `Cluster`; a test encodes a fully
/// populated `ClusterConfig` and loads it back with no warnings, so the two
/// cannot drift apart unnoticed.
indirect enum ProfileSchema: Sendable {
    case object([String: ProfileSchema])
    case string
    case integer
    case boolean
    case duration
    case timestamp
    case stringList
    case stringMap
    case enumeration([String])

    static let document: ProfileSchema = .object([
        "config": config,
        "labels": .stringMap,
    ])

    static let config: ProfileSchema = .object([
        "configBucket": .string,
        "tempBucket": .string,
        "gceClusterConfig": .object([
            "zoneUri": .string,
            "networkUri": .string,
            "subnetworkUri": .string,
            "internalIpOnly": .boolean,
            "serviceAccount": .string,
            "serviceAccountScopes": .stringList,
            "tags": .stringList,
            "metadata": .stringMap,
        ]),
        "masterConfig": instanceGroup,
        "workerConfig": instanceGroup,
        "secondaryWorkerConfig": instanceGroup,
        "softwareConfig": .object([
            "imageVersion": .string,
            "properties": .stringMap,
            "optionalComponents": .stringList,
        ]),
        "autoscalingConfig": .object(["policyUri": .string]),
        "lifecycleConfig": .object([
            "idleDeleteTtl": .duration,
            "autoDeleteTtl": .duration,
            "autoDeleteTime": .timestamp,
            "idleStartTime": .timestamp,
            "idleStopTtl": .duration,
            "autoStopTtl": .duration,
            "autoStopTime": .timestamp,
        ]),
    ])

    static let instanceGroup: ProfileSchema = .object([
        "numInstances": .integer,
        "instanceNames": .stringList,
        "imageUri": .string,
        "machineTypeUri": .string,
        "diskConfig": .object([
            "bootDiskSizeGb": .integer,
            "bootDiskType": .string,
            "numLocalSsds": .integer,
            "localSsdInterface": .string,
        ]),
        "preemptibility": .enumeration(Preemptibility.allCases.map(\.rawValue)),
        "minCpuPlatform": .string,
        "minNumInstances": .integer,
    ])
}
