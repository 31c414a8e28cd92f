import KubeModel

/// The API server's event retention, where upstream has it: in storage. kube-apiserver writes each
/// Event with an etcd lease of `--event-ttl` (default 1h; pkg/registry/core/event/storage
/// `TTLFunc`), renewed by every write, and etcd deletes the key when the lease runs out. No
/// controller is involved, so expiring an Event costs no reconcile. Without it a long simulation
/// (a CronJob every few minutes for a month) would keep every Event forever; the recorded
/// history (`Store.eventLog`, what `sim run` reports) is not affected.
/// Docs: https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
struct EventLeases {
    static let ttl = VirtualDuration.seconds(3600)

    /// Grants in the order made. The TTL is one constant and the clock only moves forward, so
    /// deadlines never decrease along it: a queue, not a heap.
    private var grants: [(deadline: VirtualTime, holder: EventHandle)] = []
    private var head = 0
    /// The live deadline per Event object; a grant that no longer matches it (or, for a deferred
    /// Event, the deadline it holds) was renewed or revoked.
    private var deadlines: [ObjectKey: VirtualTime] = [:]

    /// Starts or renews the lease of the Event at `key` (written at `now`).
    mutating func grant(_ key: ObjectKey, at now: VirtualTime) {
        let deadline = now + Self.ttl
        deadlines[key] = deadline
        grants.append((deadline, .object(key)))
    }

    /// Starts or renews the lease of a deferred Event, whose deadline it keeps itself.
    mutating func grant(deferred serial: Int, until deadline: VirtualTime) {
        grants.append((deadline, .deferred(serial)))
    }

    mutating func revoke(_ key: ObjectKey) { deadlines[key] = nil }

    /// The deferred Events are being made: their live grants become the objects' grants, in place.
    mutating func adopt(_ deferred: borrowing DeferredEventQueue) {
        for index in head..<grants.count {
            guard case .deferred(let serial) = grants[index].holder, let key = deferred.key(of: serial),
                  deferred.deadline(of: serial) == grants[index].deadline else { continue }
            deadlines[key] = grants[index].deadline
            grants[index].holder = .object(key)
        }
    }

    private func isLive(_ grant: (deadline: VirtualTime, holder: EventHandle), _ deferred: borrowing DeferredEventQueue) -> Bool {
        switch grant.holder {
        case .object(let key): deadlines[key] == grant.deadline
        case .deferred(let serial): deferred.deadline(of: serial) == grant.deadline
        }
    }

    /// When the earliest live lease runs out, if any lease is live.
    mutating func nextDeadline(_ deferred: borrowing DeferredEventQueue) -> VirtualTime? {
        while head < grants.count {
            if isLive(grants[head], deferred) { return grants[head].deadline }
            head += 1  // renewed or revoked since
        }
        compact()
        return nil
    }

    /// Takes the Events whose leases ran out at or before `time`, earliest first.
    mutating func expire(through time: VirtualTime, _ deferred: borrowing DeferredEventQueue) -> [EventHandle] {
        var expired: [EventHandle] = []
        // The Events one instant recorded an hour ago (nine per CronJob run, three CronJobs at
        // the top of the hour), without regrowing.
        expired.reserveCapacity(64)
        while let deadline = nextDeadline(deferred), deadline <= time {
            let holder = grants[head].holder
            if case .object(let key) = holder { deadlines[key] = nil }
            head += 1
            expired.append(holder)
        }
        compact()
        return expired
    }

    /// Drops the grants already passed once they are most of the queue.
    private mutating func compact() {
        guard head > 1024, head * 2 > grants.count else { return }
        grants.removeFirst(head)
        head = 0
    }

    /// Leases for restored Events: an hour from when each was last recorded (the write time is not
    /// saved; the Event's own timestamps are the nearest record of it).
    static func restored(_ events: [(key: ObjectKey, event: Event)], now: VirtualTime) -> EventLeases {
        var leases = EventLeases()
        let written = events.map { entry in
            (entry.key, (entry.event.lastTimestamp ?? entry.event.firstTimestamp ?? entry.event.metadata.creationTimestamp)
                .flatMap(VirtualTime.init(rfc3339:)) ?? now)
        }
        for (key, time) in written.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) { leases.grant(key, at: time) }
        return leases
    }
}

extension Store {
    /// When the next Event expires, if any will (the runner stops the clock there).
    public var nextEventExpiry: VirtualTime? { eventLeases.nextDeadline(deferredEvents) }

    /// Deletes the Events whose leases ran out by `now`, as etcd does (watchers see DELETED).
    public func expireEvents() {
        for holder in eventLeases.expire(through: now, deferredEvents) {
            switch holder {
            case .object(let key): remove(key)
            case .deferred(let serial): expireDeferred(serial)
            }
        }
    }
}
