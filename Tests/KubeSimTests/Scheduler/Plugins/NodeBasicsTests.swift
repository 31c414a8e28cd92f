import KubeModel
import Testing
@testable import KubeSim

/// NodeUnschedulable, NodeName and NodePorts, after their *_test.go files in
/// pkg/scheduler/framework/plugins (v1.33.0).
@Suite("NodeUnschedulable, NodeName, NodePorts")
struct NodeBasicsTests {
    @Test("Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)")
    func unschedulableNode() {
        let snapshot = Fixture.snapshot([Fixture.node("n", unschedulable: true)])
        #expect(Fixture.filter(NodeUnschedulable(), Fixture.pod("p"), snapshot)["n"]
                == Status(.unschedulableAndUnresolvable, "node(s) were unschedulable"))
    }

    @Test("Schedule pod to unschedulable node when it tolerates the unschedulable taint")
    func toleratesUnschedulable() {
        let pod = Fixture.pod("p") { $0.tolerations = [Fixture.toleration("node.kubernetes.io/unschedulable", "Exists", effect: "NoSchedule")] }
        #expect(Fixture.filter(NodeUnschedulable(), pod, Fixture.snapshot([Fixture.node("n", unschedulable: true)]))["n"]?.isSuccess == true)
    }

    @Test("NodeName: a pod naming another node does not fit")
    func nodeName() {
        let pod = Fixture.pod("p") { $0.nodeName = "foo" }
        let statuses = Fixture.filter(NodeName(), pod, Fixture.snapshot([Fixture.node("foo"), Fixture.node("bar")]))
        #expect(statuses["foo"]?.isSuccess == true)
        #expect(statuses["bar"] == Status(.unschedulableAndUnresolvable, "node(s) didn't match the requested node name"))
    }

    func ports(_ wanted: [(String, String, Int32)], _ used: [(String, String, Int32)]) -> Status {
        func pod(_ name: String, _ ports: [(String, String, Int32)], node: String?) -> Pod {
            Fixture.pod(name, node: node) { spec in
                spec.containers[0].ports = ports.map { ip, proto, port in
                    var containerPort = ContainerPort()
                    containerPort.hostIP = ip
                    containerPort.protocol = proto
                    containerPort.hostPort = port
                    containerPort.containerPort = port
                    return containerPort
                }
            }
        }
        let snapshot = Fixture.snapshot([Fixture.node("n")], pods: [pod("existing", used, node: "n")])
        return Fixture.filter(NodePorts(), pod("p", wanted, node: nil), snapshot)["n"] ?? .success
    }

    static let conflict = Status(.unschedulable, "node(s) didn't have free ports for the requested pod ports")

    @Test("same udp port conflicts; other protocol or address does not")
    func udpPorts() {
        #expect(ports([("127.0.0.1", "UDP", 8080)], [("127.0.0.1", "UDP", 8080)]) == Self.conflict)
        #expect(ports([("127.0.0.1", "UDP", 8080)], [("127.0.0.1", "TCP", 8080)]).isSuccess)
        #expect(ports([("127.0.0.1", "TCP", 8001)], [("127.0.0.2", "TCP", 8001)]).isSuccess)
    }

    @Test("first port 0.0.0.0 conflicts with a specific address in use, and the reverse")
    func bindAll() {
        #expect(ports([("0.0.0.0", "TCP", 8001)], [("127.0.0.1", "TCP", 8001)]) == Self.conflict)
        #expect(ports([("127.0.0.1", "TCP", 8001)], [("", "", 8001)]) == Self.conflict)
    }
}
