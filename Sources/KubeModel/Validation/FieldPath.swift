/// Builds field paths in upstream `field.Path` notation: `spec.containers[0].ports[1]`, `metadata.labels[app]`.
enum FieldPath {
    static func child(_ parent: String, _ field: String) -> String {
        parent.isEmpty ? field : parent + "." + field
    }

    static func index(_ parent: String, _ index: Int) -> String {
        parent + "[" + String(index) + "]"
    }

    static func key(_ parent: String, _ key: String) -> String {
        parent + "[" + key + "]"
    }
}
