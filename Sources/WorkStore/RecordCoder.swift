import DisclosureModel

/// One pass over a stored record's fields, in stored order: measuring them (`RecordSizer`),
/// writing them (`RecordWriter`) or reading them (`RecordReader`). A record declares its fields
/// once (`StoredFields.fields`), handing each to the coder `inout`; the three coders follow that
/// one declaration, so a record's size bound, the bytes written and the bytes read cannot disagree.
public protocol RecordCoder {
    /// True for the reader, which assigns each field what it read; the others leave fields as they are.
    static var isReading: Bool { get }
    mutating func int(_ value: inout Int) throws
    mutating func int64(_ value: inout Int64) throws
    mutating func double(_ value: inout Double) throws
    mutating func bool(_ value: inout Bool) throws
    mutating func string(_ value: inout String) throws
    /// A number below `limit` (a position in a list of `limit` entries); a larger one read is damage.
    mutating func position(_ value: inout Int, below limit: Int, what: StaticString) throws
    /// How many entries follow (each takes a byte at least); more than the bytes left is damage,
    /// caught before anyone reserves room for that many.
    mutating func count(_ value: inout Int, what: StaticString) throws
    /// A template code, kept as its position in `list`.
    mutating func code(_ value: inout String, in list: StoredCodeList) throws
    /// An enum case, by its pinned number (`StoredEnum.storedOrder`).
    mutating func storedEnum<Case: StoredEnum>(_ value: inout Case, what: StaticString) throws
    /// A list: its count, then each element.
    mutating func list<Element: StoredFields>(_ list: inout [Element], what: StaticString) throws
}

/// A value the work store keeps, declared once, field by field.
public protocol StoredFields {
    /// What a reader starts from; `fields` then assigns every field what it reads.
    static var blank: Self { get }
    /// Hands each field to `coder`, in stored order. The one declaration of the stored form: a field
    /// added here is measured, written and read alike. Assigns nothing itself unless
    /// `Coder.isReading`: the other coders are handed list elements in place (`forEachInPlace`).
    mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws
}

extension RecordCoder {
    /// An optional value: a flag, then the value when there is one.
    public mutating func optional<Wrapped: StoredFields>(_ value: inout Wrapped?) throws {
        var present = value != nil
        try bool(&present)
        if Self.isReading {
            value = nil
            guard present else { return }
            var read = Wrapped.blank
            try read.fields(&self)
            value = read
        } else if var wrapped = value {
            try wrapped.fields(&self)
        }
    }

    /// A dictionary keyed by a stored enum: its count, then each key and value, in the keys' stored
    /// order (so the bytes do not depend on the dictionary's hashing).
    public mutating func dictionary<Key: StoredEnum & StoredFields & Hashable, Value: StoredFields>(
        _ dictionary: inout [Key: Value], what: StaticString
    ) throws {
        var count = dictionary.count
        try self.count(&count, what: what)
        if Self.isReading {
            dictionary = [:]
            for _ in 0..<count {
                var key = Key.blank, value = Value.blank
                try key.fields(&self)
                try value.fields(&self)
                guard dictionary.updateValue(value, forKey: key) == nil else {
                    throw RecordReader.Damaged(description: "\(what) \(key) is stored twice")
                }
            }
        } else {
            for key in Key.storedOrder {
                guard var value = dictionary[key] else { continue }  // not in place: that would copy the dictionary
                var stored = key
                try stored.fields(&self)
                try value.fields(&self)
            }
        }
    }
}

extension Int: StoredFields {
    public static var blank: Int { 0 }
    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws { try coder.int(&self) }
}

extension String: StoredFields {
    public static var blank: String { "" }
    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws { try coder.string(&self) }
}

extension Array: StoredFields where Element: StoredFields {
    public static var blank: [Element] { [] }
    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws { try coder.list(&self, what: "entry") }
}

extension Array {
    /// Hands each element to `body` in place, for the coders that measure or write, which never
    /// assign what they are handed: a copy of each would retain every string it holds, and an
    /// `inout` through the array would copy it whole, its buffer being shared with the record's
    /// owner. Not for reading.
    func forEachInPlace(_ body: (inout Element) throws -> Void) rethrows {
        try withUnsafeBufferPointer { elements in
            guard let first = elements.baseAddress else { return }
            for index in elements.indices { try body(&UnsafeMutablePointer(mutating: first + index).pointee) }
        }
    }
}
