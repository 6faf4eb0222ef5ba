import Autoscaling

extension SimulationReport {
    /// The report drawn by a default ``SimulationChart``: workers and YARN memory over time.
    public func svg() -> String {
        SimulationChart().svg(for: self)
    }
}
