extension SimulatedCluster {
    /// The cluster's changes from now on, in the order they happen; the stream
    /// ends once the cluster is deleted (after ``ClusterChange/deleted``).
    ///
    /// Each call is a new subscriber; a subscriber that stops iterating is
    /// forgotten. Subscribe before acting, then read the state the changes name.
    public func changes() -> AsyncStream<ClusterChange> {
        let (stream, continuation) = AsyncStream<ClusterChange>.makeStream(bufferingPolicy: .unbounded)
        guard !isDeleted else {
            continuation.yield(.deleted)
            continuation.finish()
            return stream
        }
        let id = nextSubscriberID
        nextSubscriberID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.unsubscribe(id) }
        }
        return stream
    }

    func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    /// Tells every subscriber of `change`.
    func publish(_ change: ClusterChange) {
        for continuation in subscribers.values { continuation.yield(change) }
    }

    /// Publishes ``ClusterChange/deleted`` and ends every subscription.
    func publishDeletion() {
        publish(.deleted)
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }
}
