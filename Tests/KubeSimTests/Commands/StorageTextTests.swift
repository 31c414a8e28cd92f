import KubeModel
import Testing
@testable import KubeSim

/// `kubectl get` and `kubectl describe` for volumes, claims and classes.
/// Upstream: pkg/printers/internalversion/printers.go (`printPersistentVolume`,
/// `printPersistentVolumeClaim`, `printStorageClass`) and k8s.io/kubectl/pkg/describe/describe.go
/// (`describePersistentVolumeClaim`, `PersistentVolumeDescriber`, `StorageClassDescriber`), v1.33.
@Suite("PersistentVolume, claim and StorageClass get and describe text")
struct StorageTextTests {
    private func boundCluster() throws -> Cluster {
        let cluster = try cluster([Storage.volume("pv-5g", size: "5Gi"), Storage.volume("pv-spare", size: "1Gi", modes: "[ReadWriteOnce, ReadOnlyMany]"),
                                   Storage.claim(size: "3Gi", className: "")].joined(separator: "\n---\n"))
        try cluster.advance(by: .seconds(40))
        return cluster
    }

    @Test("get sc: NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE, the default class marked (default)")
    func getStorageClasses() throws {
        let cluster = try cluster(Storage.storageClass("fast", mode: "Immediate", provisioner: "ebs.csi.aws.com", policy: "Retain"))
        let table = ResourceTable.make(cluster.store.list(kind: "StorageClass"), kind: "StorageClass", now: cluster.now)
        #expect(table.header == ["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"])
        #expect(table.rows == [["fast", "ebs.csi.aws.com", "Retain", "Immediate", "false", "0s"],
                               ["standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", "false", "0s"]])
    }

    @Test("get pv: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE")
    func getVolumes() throws {
        let cluster = try boundCluster()
        let table = ResourceTable.make(cluster.store.list(kind: "PersistentVolume"), kind: "PersistentVolume", now: cluster.now)
        #expect(table.header == ["NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "REASON", "AGE"])
        #expect(table.rows == [["pv-5g", "5Gi", "RWO", "Retain", "Bound", "default/data", "", "<unset>", "", "40s"],
                               ["pv-spare", "1Gi", "RWO,ROX", "Retain", "Available", "", "", "<unset>", "", "40s"]])
        let wide = ResourceTable.make(cluster.store.list(kind: "PersistentVolume"), kind: "PersistentVolume", now: cluster.now, wide: true)
        #expect(wide.header.last == "VOLUMEMODE" && wide.rows.first?.last == "Filesystem")
    }

    @Test("get pvc: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE; a pending claim shows no capacity")
    func getClaims() throws {
        let cluster = try boundCluster()
        try cluster.apply(yaml: Storage.claim("waiting"), file: "waiting.yaml")
        let table = ResourceTable.make(cluster.store.list(kind: "PersistentVolumeClaim"), kind: "PersistentVolumeClaim", now: cluster.now)
        #expect(table.header == ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"])
        #expect(table.rows == [["data", "Bound", "pv-5g", "5Gi", "RWO", "", "<unset>", "40s"],
                               ["waiting", "Pending", "", "", "", "standard", "<unset>", "0s"]])
    }

    @Test("describe pvc: class, status, volume, annotations, finalizers, capacity, access modes, volume mode, used by, events")
    func describeClaim() throws {
        let cluster = try boundCluster()
        let text = DescribeText.describe(try #require(cluster.get(ObjectKey(kind: "PersistentVolumeClaim", namespace: "default", name: "data"))), in: cluster.store)
        #expect(text == """
            Name:          data
            Namespace:     default
            StorageClass:  
            Status:        Bound
            Volume:        pv-5g
            Labels:        <none>
            Annotations:   pv.kubernetes.io/bind-completed: yes
                           pv.kubernetes.io/bound-by-controller: yes
            Finalizers:    [kubernetes.io/pvc-protection]
            Capacity:      5Gi
            Access Modes:  RWO
            VolumeMode:    Filesystem
            Used By:       <none>
            Events:        <none>

            """)
    }

    @Test("describe pv: the claim, policy, node affinity terms and the host path source")
    func describeVolume() throws {
        let cluster = try cluster([Storage.claim(), Storage.pod()].joined(separator: "\n---\n"))
        let name = try #require(cluster.claim("data")?.spec?.volumeName)
        let node = try #require(cluster.pod("db")?.spec?.nodeName)
        let text = DescribeText.describe(try #require(cluster.get(ObjectKey(kind: "PersistentVolume", name: name))), in: cluster.store)
        #expect(text == """
            Name:              \(name)
            Labels:            <none>
            Annotations:       local.path.provisioner/selected-node: \(node)
                               pv.kubernetes.io/provisioned-by: rancher.io/local-path
            Finalizers:        [kubernetes.io/pv-protection]
            StorageClass:      standard
            Status:            Bound
            Claim:             default/data
            Reclaim Policy:    Delete
            Access Modes:      RWO
            VolumeMode:        Filesystem
            Capacity:          1Gi
            Node Affinity:     
              Required Terms:  
                Term 0:        kubernetes.io/hostname in [\(node)]
            Message:           
            Source:
                Type:          HostPath (bare host directory volume)
                Path:          /var/local-path-provisioner/\(name)_default_data
                HostPathType:  DirectoryOrCreate
            Events:            <none>

            """)
    }

    @Test("describe sc: IsDefaultClass, provisioner, reclaim policy and binding mode")
    func describeStorageClass() throws {
        let cluster = try cluster()
        let text = DescribeText.describe(try #require(cluster.get(ObjectKey(kind: "StorageClass", name: "standard"))), in: cluster.store)
        #expect(text == """
            Name:                  standard
            IsDefaultClass:        Yes
            Annotations:           storageclass.kubernetes.io/is-default-class=true
            Provisioner:           rancher.io/local-path
            Parameters:            <none>
            AllowVolumeExpansion:  <unset>
            MountOptions:          <none>
            ReclaimPolicy:         Delete
            VolumeBindingMode:     WaitForFirstConsumer
            Events:                <none>

            """)
    }
}
