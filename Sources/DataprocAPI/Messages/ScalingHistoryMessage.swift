import Autoscaling

/// A Miniproc extension, `GET …/clusters/NAME:scalingHistory`: every evaluation
/// of the cluster's autoscaling policy — including "no change" and why — which
/// real Dataproc shows only in its logs.
struct ScalingHistoryMessage: Encodable, Sendable {
    var entries: [ScalingHistoryEntry]
}
