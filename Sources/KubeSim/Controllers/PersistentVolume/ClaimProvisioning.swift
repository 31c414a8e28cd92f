import KubeModel

/// `provisionClaim` (pv_controller.go, v1.33) for a claim no volume matched: in-tree
/// (`kubernetes.io/…`) provisioners do not exist in the simulator, so those fail as upstream does
/// for an unknown plugin; any other provisioner is external: the claim is annotated with it and
/// an `ExternalProvisioning` event says the controller waits (`SimulatedProvisioner` answers).
struct ClaimProvisioning {
    let store: Store

    func provision(_ claim: inout PersistentVolumeClaim) {
        let className = VolumeMatching.className(of: claim)
        guard let storageClass = VolumeMatching.storageClass(named: className, in: store) else {
            event(claim, "Warning", "ProvisioningFailed", "storageclass.storage.k8s.io \"\(className)\" not found")
            return
        }
        let provisioner = storageClass.provisioner
        if provisioner.hasPrefix("kubernetes.io/") {
            event(claim, "Warning", "ProvisioningFailed", "no volume plugin matched name: \(provisioner)")
            return
        }
        guard claim.metadata.annotations?[VolumeMatching.storageProvisioner] != provisioner else { return }
        // `setClaimProvisioner`: both annotations, so external provisioners know to start.
        var annotations = claim.metadata.annotations ?? [:]
        annotations[VolumeMatching.storageProvisioner] = provisioner
        annotations[VolumeMatching.betaStorageProvisioner] = provisioner
        claim.metadata.annotations = annotations
        claim = (try? store.update(.persistentVolumeClaim(claim)))?.persistentVolumeClaim ?? claim
        event(claim, "Normal", "ExternalProvisioning",
              "Waiting for a volume to be created either by the external provisioner '\(provisioner)' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.")
    }

    private func event(_ claim: PersistentVolumeClaim, _ type: String, _ reason: String, _ message: String) {
        store.record(type, reason, message, on: .persistentVolumeClaim(claim), component: PersistentVolumeController.component)
    }
}
