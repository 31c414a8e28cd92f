/// Copy-on-write storage for the generated types' object-typed fields (after swift-protobuf's
/// heap storage for large messages). A `Pod` held its spec and status inline: every copy out of
/// the store retained each of their fields and moved kilobytes, and comparing an update with the
/// stored object walked both trees. Boxed, a copy is one retain per boxed field, an unchanged
/// subtree compares by identity, and a write copies only the subtree it touches, once.
@usableFromInline
final class BoxStorage<Value> {
    // Unchecked: the dynamic exclusivity check on every read of a boxed field was 3% of a
    // simulation; copy-on-write already keeps a shared storage from being written.
    @usableFromInline @exclusivity(unchecked) var value: Value
    @inlinable init(_ value: Value) { self.value = value }
}

extension BoxStorage {
    /// True when an optional field's storage holds nil (the tag read in place).
    @inlinable func isEmpty<Wrapped>() -> Bool where Value == Wrapped? {
        if case .none = value { return true }
        return false
    }
}

/// A required object field (`metadata: ObjectMeta`), always present.
@propertyWrapper
public struct Box<Value> {
    @usableFromInline var storage: BoxStorage<Value>

    @inlinable public init(wrappedValue: Value) { storage = BoxStorage(wrappedValue) }

    @inlinable public var wrappedValue: Value {
        get { storage.value }
        // Written in place when not shared: a new storage per write was an allocation and a free.
        set { if isKnownUniquelyReferenced(&storage) { storage.value = newValue } else { storage = BoxStorage(newValue) } }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = BoxStorage(storage.value) }
            yield &storage.value
        }
    }
}

/// An optional object field (`spec: PodSpec?`); nil takes no allocation.
@propertyWrapper
public struct OptionalBox<Wrapped> {
    @usableFromInline var storage: BoxStorage<Wrapped?>?

    @inlinable public init() { storage = nil }
    @inlinable public init(wrappedValue: Wrapped?) { storage = wrappedValue.map { BoxStorage($0) } }

    /// The wrapper itself (`pod.$spec`; declared here, as the compiler looks for a projection in
    /// the wrapper's own declaration only): `read` takes one field from it, and assigning one
    /// shares the other's storage (`pod.$spec = template.$spec`) where assigning the field copied
    /// the whole value out and boxed it anew; copy-on-write keeps the two apart from then on.
    @inlinable public var projectedValue: OptionalBox {
        get { self }
        set { self = newValue }
    }

    @inlinable public var wrappedValue: Wrapped? {
        // A getter, not `_read`: a read coroutine was slower on every access than the copies it saved.
        get { storage?.value }
        set {
            if let newValue, isKnownUniquelyReferenced(&storage) { storage!.value = newValue } else { storage = newValue.map { BoxStorage($0) } }
        }
        _modify {
            if storage == nil {
                storage = BoxStorage(nil)
            } else if !isKnownUniquelyReferenced(&storage) {
                storage = BoxStorage(storage?.value)
            }
            // Optional chaining on a nil field (`pod.spec?.x = 1`) leaves nothing behind.
            // Checked by tag: comparing with nil copied the value.
            defer { if let storage, case .none = storage.value { self.storage = nil } }
            yield &storage!.value
        }
    }
}

extension OptionalBox {
    /// One field, read where it lies: `pod.$spec.read(\.restartPolicy)`. `pod.spec?.restartPolicy`
    /// copies the whole spec out of its box first (each of its fields retained, then released),
    /// which on the simulator's hot paths cost more than the work the field was read for.
    @inlinable public func read<Field>(_ field: KeyPath<Wrapped, Field>) -> Field? { project(field) }

    /// The same for an optional field, flattened: `pod.$spec.read(\.nodeName)` is a `String?`.
    @inlinable public func read<Field>(_ field: KeyPath<Wrapped, Field?>) -> Field? { project(field) ?? nil }

    /// Reached through the storage's address, so only the field is copied.
    @inlinable func project<Field>(_ field: KeyPath<Wrapped, Field>) -> Field? {
        guard let storage else { return nil }
        if case .none = storage.value { return nil }
        return withUnsafeMutablePointer(to: &storage.value!) { $0.pointee[keyPath: field] }
    }
}

// Copy-on-write keeps a shared storage unwritten, so values are as sendable as the wrapped type.
extension Box: @unchecked Sendable where Value: Sendable {}
extension OptionalBox: @unchecked Sendable where Wrapped: Sendable {}

extension Equatable {
    /// Compares two boxed values where they lie: `a.value == b.value` copied both out of their
    /// storage first (every field retained, then released), which was most of the cost of a
    /// store write's no-op check.
    @inlinable static func equalInPlace(_ lhs: inout Self, _ rhs: inout Self) -> Bool {
        withUnsafeMutablePointer(to: &lhs) { left in withUnsafeMutablePointer(to: &rhs) { right in left.pointee == right.pointee } }
    }
}

extension Box: Equatable where Value: Equatable {
    @inlinable public static func == (lhs: Box, rhs: Box) -> Bool {
        lhs.storage === rhs.storage || Value.equalInPlace(&lhs.storage.value, &rhs.storage.value)
    }
}

extension OptionalBox: Equatable where Wrapped: Equatable {
    @inlinable public static func == (lhs: OptionalBox, rhs: OptionalBox) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (nil, nil): return true
        case let (left?, right?):
            if left === right { return true }
            // Checked by tag, each on its own: a tuple of the two values copied both.
            switch (left.isEmpty(), right.isEmpty()) {
            case (true, true): return true
            case (false, false): return Wrapped.equalInPlace(&left.value!, &right.value!)
            default: return false
            }
        case (let only?, nil), (nil, let only?):
            return only.isEmpty()
        }
    }
}

extension Box: Encodable where Value: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storage.value)
    }
}

extension OptionalBox: Encodable where Wrapped: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

// The synthesized `encode(to:)` of a struct calls these for its boxed fields: a nil field is left
// out, as it was before boxing (`encodeIfPresent`), instead of written as `null`.
extension KeyedEncodingContainer {
    public mutating func encode<Value: Encodable>(_ box: Box<Value>, forKey key: Key) throws {
        try encode(box.wrappedValue, forKey: key)
    }

    public mutating func encode<Wrapped: Encodable>(_ box: OptionalBox<Wrapped>, forKey key: Key) throws {
        try encodeIfPresent(box.wrappedValue, forKey: key)
    }
}
