/// Dispatches each kind to the upstream validation function that covers its spec.
enum KindRules {
    static func check(_ object: KubeObject, _ context: inout RuleContext) {
        switch object {
        default:
            break
        }
    }
}
