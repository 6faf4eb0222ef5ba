// Autoscaling module.
