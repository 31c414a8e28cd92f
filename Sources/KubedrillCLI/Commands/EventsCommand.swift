import ArgumentParser
import KubeModel
import KubeSim
import Terminal

/// `events [-n ns|-A]`: kubectl events' table, oldest first.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "List the cluster's events (kubectl events).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var namespaces: NamespaceOptions

    @Option(name: .customLong("for"), help: ArgumentHelp("Only events about this object, e.g. pod/web.", valueName: "kind/name"))
    var object: String?

    func run() throws {
        let env = CommandEnvironment.current
        try SimSession.with(global, mutating: false) { cluster in
            var events = cluster.store.list(kind: "Event", namespace: namespaces.allNamespaces ? nil : namespaces.current).compactMap { object -> Event? in
                if case .event(let event) = object { return event } else { return nil }
            }
            if let object {
                let target = try SimSession.target([object])
                events = events.filter { $0.involvedObject.kind == target.kind.kind && $0.involvedObject.name == target.names.first }
            }
            guard !events.isEmpty else {
                env.err.line("No events found in \(namespaces.allNamespaces ? "any" : namespaces.current) namespace.")
                return
            }
            let table = ResourceTable.events(events, now: cluster.now, allNamespaces: namespaces.allNamespaces)
            env.out.write(Table.columns(header: table.header, rows: table.rows))
        }
    }
}
