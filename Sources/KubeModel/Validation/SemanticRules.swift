/// Layer 4: what the API server checks beyond the schema, each rule in `Rules/` citing the upstream
/// validation function it follows.
enum SemanticRules {
    static func check(_ object: KubeObject, _ context: inout RuleContext) {
        ObjectMetaRules.check(object.metadata, kind: object.kind, namespaced: object.isNamespaced, &context)
        KindRules.check(object, &context)
    }
}
