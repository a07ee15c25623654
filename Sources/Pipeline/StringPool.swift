/// The few distinct strings that repeat on every manifest entry (stage keys, segment names, reject
/// reasons, statuses), each held once and referred to by a number: 0 stands for none.
struct StringPool: Sendable, Equatable {
    private(set) var strings: [String] = []
    private var refs: [String: UInt32] = [:]
    /// Refs by the escaped bytes of a manifest field, so reading a manifest makes no String per line.
    private var refsByField: [FieldBytes: UInt32] = [:]

    subscript(ref: UInt32) -> String? {
        ref == 0 ? nil : strings[Int(ref) - 1]
    }

    mutating func ref(for string: String?) -> UInt32 {
        guard let string else { return 0 }
        if let ref = refs[string] { return ref }
        strings.append(string)
        let ref = UInt32(strings.count)
        refs[string] = ref
        return ref
    }

    /// The ref of a manifest field as written (escaped); an empty field is none.
    mutating func ref(forField bytes: ArraySlice<UInt8>) -> UInt32 {
        guard !bytes.isEmpty else { return 0 }
        let key = FieldBytes(bytes: Array(bytes))
        if let ref = refsByField[key] { return ref }
        let ref = ref(for: String(decoding: Manifest.unescape(bytes), as: UTF8.self))
        refsByField[key] = ref
        return ref
    }

    static func == (lhs: StringPool, rhs: StringPool) -> Bool {
        lhs.strings == rhs.strings
    }

    /// Bytes hashed in one call (an array's own hashing feeds the hasher byte by byte).
    private struct FieldBytes: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
