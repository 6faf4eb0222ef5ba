import Cluster

/// The inline `WorkflowTemplate` of `workflowTemplates:instantiateInline`.
struct WorkflowTemplateMessage: Decodable, Sendable {
    var id: String?
    var jobs: [JSONValue]?
    var placement: WorkflowPlacement?
    var dagTimeout: String?
}

/// `WorkflowTemplatePlacement`.
struct WorkflowPlacement: Decodable, Sendable {
    var managedCluster: ManagedClusterMessage?
    var clusterSelector: JSONValue?
}

/// `ManagedCluster`: the cluster a workflow creates and deletes.
struct ManagedClusterMessage: Decodable, Sendable {
    var clusterName: String?
    var config: ClusterConfig?
    var labels: [String: String]?
}

/// One `OrderedJob` of a template, checked and planned.
struct WorkflowStep: Sendable {
    var stepId: String
    var prerequisites: [String]
    var job: JobMessage
}
