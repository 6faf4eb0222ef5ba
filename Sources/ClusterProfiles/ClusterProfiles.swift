// ClusterProfiles module.
