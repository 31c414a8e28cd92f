import Testing
@testable import KubeModel

struct ExplainerTests {
    @Test("explain walks field paths through lists and names the type like kubectl")
    func fieldPath() throws {
        let text = try Explainer().explain("deploy.spec.template.spec.containers.resources")
        #expect(text.contains("KIND:       Deployment"))
        #expect(text.contains("FIELD: resources <ResourceRequirements>"))
        #expect(text.contains("  limits\t<map[string]Quantity>"))
    }

    @Test("Required fields are marked")
    func required() throws {
        #expect(try Explainer().explain("pod.spec").contains("  containers\t<[]Container> -required-"))
    }

    @Test("Unknown kinds and fields suggest the closest name")
    func suggestions() {
        #expect(throws: Explainer.Failure.self) { try Explainer().explain("deploymnt") }
        do {
            _ = try Explainer().explain("pod.spec.contaners")
        } catch {
            #expect("\(error)".contains("did you mean \"containers\""))
        }
    }
}
