import Autoscaling

/// `ListClustersResponse`.
struct ListClustersResponse: Encodable {
    var clusters: [ClusterMessage]?
    var nextPageToken: String?
}

/// `ListOperationsResponse`.
struct ListOperationsResponse: Encodable {
    var operations: [OperationMessage]?
    var nextPageToken: String?
}

/// `ListJobsResponse`.
struct ListJobsResponse: Encodable {
    var jobs: [JobMessage]?
    var nextPageToken: String?
}

/// `ListAutoscalingPoliciesResponse`.
struct ListPoliciesResponse: Encodable {
    var policies: [AutoscalingPolicy]?
    var nextPageToken: String?
}

/// `google.protobuf.Empty`.
struct EmptyMessage: Encodable {}
