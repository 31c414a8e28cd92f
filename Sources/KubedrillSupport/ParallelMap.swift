import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over all cores, results in the order of the elements. For independent pieces of work
    /// (one note file each) that take long enough to be worth a thread.
    public func parallelMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            let base = UncheckedSendable(elements)
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                slots.set(index, transform(base.value[index]))
            }
        }
        return slots.values
    }
}

/// Fixed slots filled from several threads, one slot per index.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [Value] { slots.compactMap { $0 } }
}

/// A read-only buffer handed to `concurrentPerform`, which only reads it while the caller waits.
private struct UncheckedSendable<Wrapped>: @unchecked Sendable {
    let value: Wrapped
    init(_ value: Wrapped) { self.value = value }
}
