/// A list of plain values in memory of its own, for the runner's hot loops: an append or a
/// store checks no uniqueness and touches no reference count, which the standard array does
/// on every mutation of a stored property (a third of a match's instructions, measured with
/// callgrind). The memory is freed with the last copy of the list; copies share it, so only
/// one owner may write at a time, as the runner pool ensures.
struct ScratchList<Element: BitwiseCopyable>: @unchecked Sendable {
    private final class Storage {
        let base: UnsafeMutablePointer<Element>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    private var storage: Storage
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    /// An empty list with room for `capacity` values before it grows.
    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    /// A list of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    var isEmpty: Bool { count == 0 }
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) nonmutating set { base[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow() }
        base[count] = value
        count += 1
    }

    /// Appends every value of `other`.
    mutating func append(contentsOf other: ScratchList<Element>) {
        while count + other.count > capacity { grow() }
        (base + count).initialize(from: other.base, count: other.count)
        count += other.count
    }

    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Sets every value to `value`, keeping the count.
    func fill(with value: Element) {
        base.update(repeating: value, count: count)
    }

    private mutating func grow() {
        let larger = Storage(capacity: capacity * 2)
        larger.base.initialize(from: base, count: count)
        storage = larger
        base = larger.base
        capacity *= 2
    }
}

/// A read-only list of plain values in memory of its own, for the tables the runner reads in
/// its hot loops (`WordProgram`'s instructions and indexes): a read checks no bounds and
/// touches no reference count. Every index the runner uses comes from the program itself,
/// whose indexes are checked when it is built (`Matcher.validate` for the start-up cache).
struct FrozenList<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private final class Storage {
        let base: UnsafeMutablePointer<Element>
        init(_ values: [Element]) {
            base = .allocate(capacity: Swift.max(values.count, 1))
            values.withUnsafeBufferPointer { if let first = $0.baseAddress { base.initialize(from: first, count: $0.count) } }
        }
        deinit { base.deallocate() }
    }

    private let storage: Storage
    private let base: UnsafePointer<Element>
    let count: Int

    init(_ values: [Element]) {
        storage = Storage(values)
        base = UnsafePointer(storage.base)
        count = values.count
    }

    var isEmpty: Bool { count == 0 }
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            assert(index >= 0 && index < count, "index out of range")
            return base[index]
        }
    }
}
