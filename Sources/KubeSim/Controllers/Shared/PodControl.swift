import KubedrillSupport
import KubeModel

/// Pod creation and deletion with the events upstream's `RealPodControl` records on the owner
/// (pkg/controller/controller_utils.go, v1.33): `SuccessfulCreate` "Created pod: web-x7k2p",
/// `FailedCreate` "Error creating: …", `SuccessfulDelete` "Deleted pod: web-x7k2p",
/// `FailedDelete` "Error deleting: …". ReplicaSets, DaemonSets and Jobs create pods this way;
/// StatefulSets word their own events (stateful_pod_control.go).
public struct PodControl {
    let client: ControllerClient
    /// The component events come from (`daemonset-controller`, `replicaset-controller`).
    let component: String

    public init(_ client: ControllerClient, component: String) {
        self.client = client
        self.component = component
    }

    /// Creates `pod` through admission; nil (after a `FailedCreate` warning) when refused.
    @discardableResult
    public func create(_ pod: Pod, owner: KubeObject) -> Pod? {
        do {
            let created = try client.create(.pod(pod))
            client.event("Normal", "SuccessfulCreate", String(concatenating: "Created pod: ", created.withMetadata(\.name) ?? ""), on: owner, component: component)
            return created.pod
        } catch let error as APIError {
            client.event("Warning", "FailedCreate", "Error creating: \(error.message)", on: owner, component: component)
        } catch {
            client.event("Warning", "FailedCreate", "Error creating: \(error)", on: owner, component: component)
        }
        return nil
    }

    /// Deletes the pod (gracefully when it runs on a node); a pod already gone is no error and
    /// records nothing, as upstream returns early on NotFound.
    public func delete(_ key: ObjectKey, owner: KubeObject) {
        guard client.store.get(key) != nil else { return }
        client.delete(key)
        client.event("Normal", "SuccessfulDelete", "Deleted pod: \(key.name)", on: owner, component: component)
    }
}
