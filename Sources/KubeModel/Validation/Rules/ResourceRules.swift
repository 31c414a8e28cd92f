/// `ValidateResourceRequirements` and `validateContainerResourceName` (pkg/apis/core/validation, v1.33.0).
enum ResourceRules {
    /// Names a container may request without a domain prefix (`IsStandardContainerResourceName`).
    static let standardContainerResources: Set<String> = ["cpu", "memory", "ephemeral-storage"]

    static func check(_ resources: ResourceRequirements, _ path: String, _ context: inout RuleContext) {
        let limitsPath = FieldPath.child(path, "limits"), requestsPath = FieldPath.child(path, "requests")
        let limits = resources.limits ?? [:], requests = resources.requests ?? [:]
        for (name, quantity) in limits.sorted(by: { $0.key < $1.key }) {
            checkName(name, FieldPath.key(limitsPath, name), &context)
            checkQuantity(quantity, FieldPath.key(limitsPath, name), &context)
        }
        for (name, quantity) in requests.sorted(by: { $0.key < $1.key }) {
            let requestPath = FieldPath.key(requestsPath, name)
            checkName(name, requestPath, &context)
            checkQuantity(quantity, requestPath, &context)
            if let limit = limits[name], quantity > limit {
                context.invalid(requestPath, quantity.description, "must be less than or equal to \(name) limit of \(limit.description)")
            }
        }
    }

    static func checkName(_ name: String, _ path: String, _ context: inout RuleContext) {
        if name.contains("/") {
            for error in NameFormats.qualifiedName(name) { context.invalid(path, name, error) }
        } else if !standardContainerResources.contains(name), !name.hasPrefix("hugepages-") {
            context.invalid(path, name, "must be a standard resource for containers")
        }
    }

    /// `ValidateResourceQuantityValue`: "must be greater than or equal to 0".
    static func checkQuantity(_ quantity: Quantity, _ path: String, _ context: inout RuleContext) {
        if quantity.amount < 0 { context.invalid(path, quantity.description, "must be greater than or equal to 0") }
    }
}
