extension AutoscalingPolicy {
    /// Decides how to resize a cluster from its recent YARN metrics: Dataproc's basic
    /// YARN algorithm, as a pure function.
    ///
    /// 1. Average each metric over `window` (the samples of the last cooldown period).
    /// 2. `exactΔ = avg(pending − available) / shape.nodeManagerMemoryMB`.
    /// 3. `Δ = ceil(exactΔ × scaleUpFactor)` when `exactΔ > 0`, else
    ///    `Δ = trunc(exactΔ × scaleDownFactor)` (toward zero). Products within 1e-9 of a
    ///    whole number count as that number, so `30 × 0.1` is 3 workers, not 4.
    /// 4. Skip a scale-up smaller than `scaleUpMinWorkerFraction × current` and a
    ///    scale-down smaller than `scaleDownMinWorkerFraction × current`, where current
    ///    is primary + secondary workers.
    /// 5. Move each group into its `[minInstances, maxInstances]` first, then spread the
    ///    change toward `current + Δ` over the groups by weight (see below).
    ///
    /// Groups outside their bounds (after a manual resize, say) are brought into bounds
    /// even when step 4 or a zero Δ recommends no scaling.
    ///
    /// **Split rule** (undocumented by Dataproc, chosen for Miniproc): a change never
    /// moves a group the opposite way; the primary group aims at
    /// `round(total × primaryWeight / (primaryWeight + secondaryWeight))` within its
    /// bounds; the secondary group takes the rest within its bounds and any remainder
    /// returns to the primary group. Ties go to the primary group, so under equal weights
    /// scale-down removes secondary workers first. A group of weight 0 (weight set on the
    /// other group only) gains no workers and is drained first on scale-down.
    ///
    /// The policy should be valid; an invalid one still yields a decision, with a
    /// group's minimum winning over a smaller maximum.
    ///
    /// - Parameters:
    ///   - window: The metrics samples of the last cooldown period, in any order.
    ///   - shape: The cluster's current worker counts and per-worker YARN memory.
    /// - Returns: The target worker counts, the arithmetic, and the reason, also when
    ///   nothing changes.
    /// - Complexity: O(n) in the number of samples.
    public func decideScaling(window: [YarnMetricsSample], shape: ClusterShape) -> ScalingDecision {
        let averages = YarnMetricsAverages(window: window)
        let limits = (primary: primaryLimits, secondary: secondaryLimits)
        let current = (primary: shape.primaryWorkers, secondary: shape.secondaryWorkers)
        let start = (primary: limits.primary.clamp(current.primary), secondary: limits.secondary.clamp(current.secondary))
        let boundsNotes = Self.boundsNotes(current: current, start: start, limits: limits)

        func decision(_ target: (primary: Int, secondary: Int), exactDelta: Double, delta: Int, _ notes: [String]) -> ScalingDecision {
            let verdict = Self.verdict(current: current, target: target)
            return ScalingDecision(
                currentPrimaryWorkers: current.primary,
                currentSecondaryWorkers: current.secondary,
                targetPrimaryWorkers: target.primary,
                targetSecondaryWorkers: target.secondary,
                exactDelta: exactDelta,
                delta: delta,
                averages: averages,
                reason: "\(verdict): \((notes + boundsNotes).joined(separator: "; "))"
            )
        }

        guard !window.isEmpty else {
            return decision(start, exactDelta: 0, delta: 0, ["no YARN metrics in the window"])
        }
        guard shape.nodeManagerMemoryMB > 0 else {
            return decision(start, exactDelta: 0, delta: 0, [
                "NodeManager memory is \(shape.nodeManagerMemoryMB) MB, so memory cannot be converted to workers",
            ])
        }

        let yarn = basicAlgorithm.yarnConfig
        let exactDelta = (averages.pendingMemoryMB - averages.availableMemoryMB) / Double(shape.nodeManagerMemoryMB)
        let delta: Int
        var notes: [String]
        if exactDelta == 0 {
            delta = 0
            notes = ["exactΔ 0: pending memory equals available memory"]
        } else if exactDelta > 0 {
            let scaled = Self.snapped(exactDelta * yarn.scaleUpFactor)
            delta = Self.workerCount(scaled.rounded(.up))
            notes = ["exactΔ \(NumberText.rounded(exactDelta)) × scaleUpFactor \(NumberText.exact(yarn.scaleUpFactor)) = \(NumberText.rounded(scaled)), rounded up to \(NumberText.workers(delta))"]
        } else {
            let scaled = Self.snapped(exactDelta * yarn.scaleDownFactor)
            delta = Self.workerCount(scaled.rounded(.towardZero))
            notes = ["exactΔ \(NumberText.rounded(exactDelta)) × scaleDownFactor \(NumberText.exact(yarn.scaleDownFactor)) = \(NumberText.rounded(scaled)), truncated to \(NumberText.workers(delta))"]
        }

        guard delta != 0 else { return decision(start, exactDelta: exactDelta, delta: 0, notes) }

        let total = shape.totalWorkers
        let (direction, fractionKey, fraction) = delta > 0
            ? ("scale-up", "scaleUpMinWorkerFraction", yarn.scaleUpMinWorkerFraction)
            : ("scale-down", "scaleDownMinWorkerFraction", yarn.scaleDownMinWorkerFraction)
        let required = Self.snapped(fraction * Double(total))
        guard Double(abs(delta)) >= required else {
            notes.append("\(direction) of \(NumberText.workers(abs(delta))) is below \(fractionKey) \(NumberText.exact(fraction)) × \(NumberText.workers(total)) = \(NumberText.rounded(required))")
            return decision(start, exactDelta: exactDelta, delta: delta, notes)
        }

        // Aim at the total the algorithm asked for, measured from the cluster as it is,
        // but never against Δ's direction: a scale-up must not remove workers because
        // bringing a group into bounds already overshot.
        let desiredTotal = total + delta
        let startTotal = start.primary + start.secondary
        let split = WorkerSplit(primary: limits.primary, secondary: limits.secondary)
        let target = delta > 0
            ? split.grow(from: start, by: max(0, desiredTotal - startTotal))
            : split.shrink(from: start, by: max(0, startTotal - desiredTotal))
        let achieved = (target.primary + target.secondary) - total
        if achieved != delta {
            let size = delta > 0 ? max(0, achieved) : max(0, -achieved)
            let bounds = "(primary \(limits.primary.minInstances)–\(limits.primary.maxInstances) weight \(limits.primary.weight), secondary \(limits.secondary.minInstances)–\(limits.secondary.maxInstances) weight \(limits.secondary.weight))"
            notes.append("\(direction) limited to \(NumberText.workers(size)) by the group bounds and weights \(bounds)")
        }
        return decision(target, exactDelta: exactDelta, delta: delta, notes)
    }

    /// "no change", or "scale up from 2 to 5 workers (primary 2 → 5, secondary 0 → 0)".
    private static func verdict(current: (primary: Int, secondary: Int), target: (primary: Int, secondary: Int)) -> String {
        guard current != target else { return "no change" }
        let from = current.primary + current.secondary
        let to = target.primary + target.secondary
        let verb = to > from ? "scale up" : to < from ? "scale down" : "resize"
        return "\(verb) from \(from) to \(NumberText.workers(to)) (primary \(current.primary) → \(target.primary), secondary \(current.secondary) → \(target.secondary))"
    }

    /// Why a group was moved into bounds, one note per moved group.
    private static func boundsNotes(
        current: (primary: Int, secondary: Int),
        start: (primary: Int, secondary: Int),
        limits: (primary: WorkerGroupLimits, secondary: WorkerGroupLimits)
    ) -> [String] {
        var notes: [String] = []
        if current.primary < start.primary {
            notes.append("primary \(current.primary) is below workerConfig.minInstances \(limits.primary.minInstances)")
        } else if current.primary > start.primary {
            notes.append("primary \(current.primary) is above workerConfig.maxInstances \(limits.primary.maxInstances)")
        }
        if current.secondary < start.secondary {
            notes.append("secondary \(current.secondary) is below secondaryWorkerConfig.minInstances \(limits.secondary.minInstances)")
        } else if current.secondary > start.secondary {
            notes.append("secondary \(current.secondary) is above secondaryWorkerConfig.maxInstances \(limits.secondary.maxInstances)")
        }
        return notes
    }

    /// `value`, or the whole number within 1e-9 (relative) of it: products such as
    /// `30 × 0.1` carry float noise that `ceil` would turn into a whole extra worker.
    static func snapped(_ value: Double) -> Double {
        let whole = value.rounded()
        return abs(value - whole) <= 1e-9 * max(1, abs(value)) ? whole : value
    }

    /// A whole Double as a worker count, saturated far beyond any cluster size so that
    /// absurd metrics or a NaN factor in an unvalidated policy cannot trap the conversion.
    private static func workerCount(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        let limit = Double(Int32.max)
        return Int(min(max(value, -limit), limit))
    }
}
