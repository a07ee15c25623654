import Testing
@testable import Parquet

/// Byte sequences worked out by hand from the Thrift compact protocol specification.
@Suite struct ThriftCompactEncoding {
    private struct Fields: ThriftStruct {
        var body: (inout CompactWriter) -> Void
        func writeFields(to writer: inout CompactWriter) { body(&writer) }
    }

    private func encode(_ body: @escaping (inout CompactWriter) -> Void) -> [UInt8] {
        Fields(body: body).serialized()
    }

    @Test func zigzagMapsSmallMagnitudesToSmallNumbers() {
        #expect(CompactWriter.zigzag(Int32(0)) == 0)
        #expect(CompactWriter.zigzag(Int32(-1)) == 1)
        #expect(CompactWriter.zigzag(Int32(1)) == 2)
        #expect(CompactWriter.zigzag(Int32(-2)) == 3)
        #expect(CompactWriter.zigzag(Int32.max) == 0xFFFF_FFFE)
        #expect(CompactWriter.zigzag(Int32.min) == 0xFFFF_FFFF)
        #expect(CompactWriter.zigzag(Int64.min) == UInt64.max)
    }

    @Test func varintsUseSevenBitsPerByteLowGroupFirst() {
        var writer = CompactWriter()
        writer.writeVarint(0)
        writer.writeVarint(127)
        writer.writeVarint(128)
        writer.writeVarint(300)
        #expect(writer.bytes == [0x00, 0x7F, 0x80, 0x01, 0xAC, 0x02])
    }

    @Test func i32FieldOneWithValueOneIsShortHeaderThenZigzagVarint() {
        // header: delta 1 << 4 | type i32 (5) = 0x15; zigzag(1) = 2; stop.
        #expect(encode { $0.writeI32(1, 1) } == [0x15, 0x02, 0x00])
    }

    @Test func fieldIdJumpOver15UsesLongHeaderWithZigzagId() {
        // i64 (type 6) with id 20: delta 20 > 15, so 0x06 then zigzag varint of 20 (= 40 = 0x28);
        // value -1 zigzags to 1.
        #expect(encode { $0.writeI64(20, -1) } == [0x06, 0x28, 0x01, 0x00])
    }

    @Test func fieldDeltasAreRelativeToThePreviousField() {
        // id 1 (delta 1), id 3 (delta 2), id 20 (long form), id 21 (delta 1).
        let bytes = encode {
            $0.writeI32(1, 0)
            $0.writeI32(3, -3)
            $0.writeI32(20, 150)
            $0.writeI32(21, 1)
        }
        #expect(bytes == [0x15, 0x00, 0x25, 0x05, 0x05, 0x28, 0xAC, 0x02, 0x15, 0x02, 0x00])
    }

    @Test func booleanFieldsCarryTheirValueInTheTypeNibble() {
        #expect(encode { $0.writeBool(1, true); $0.writeBool(2, false) } == [0x11, 0x12, 0x00])
    }

    @Test func binaryIsVarintLengthThenBytes() {
        #expect(encode { $0.writeString(4, "ab") } == [0x48, 0x02, 0x61, 0x62, 0x00])
    }

    @Test func shortListHeaderPacksSizeAndElementType() {
        // field 2 list (type 9): 0x29; list header: size 2 << 4 | binary (8) = 0x28.
        let bytes = encode { $0.writeStringList(2, ["a", "bc"]) }
        #expect(bytes == [0x29, 0x28, 0x01, 0x61, 0x02, 0x62, 0x63, 0x00])
    }

    @Test func listOfFifteenOrMoreUsesLongFormSize() {
        let bytes = encode { $0.writeI32List(1, Array(repeating: 1, count: 15)) }
        // 0x19: field 1 list; 0xF5: size follows, element type i32; then varint 15; then 15 x 0x02.
        #expect(bytes == [0x19, 0xF5, 0x0F] + Array(repeating: 0x02, count: 15) + [0x00])
    }

    @Test func nestedStructRestartsFieldDeltasAndEndsWithItsOwnStop() {
        // field 3 struct (type 12): 0x3C; inside: field 1 i32 -2 -> 0x15 0x03; inner stop;
        // then the outer struct's field 4 is a delta of 1 from field 3: 0x15 0x02; outer stop.
        let bytes = encode {
            $0.writeStruct(3) { $0.writeI32(1, -2) }
            $0.writeI32(4, 1)
        }
        #expect(bytes == [0x3C, 0x15, 0x03, 0x00, 0x15, 0x02, 0x00])
    }

    @Test func emptyStructIsJustItsStopByte() {
        // LogicalType.STRING: field 1 of the union holding an empty struct.
        #expect(encode { $0.writeEmptyStruct(1) } == [0x1C, 0x00, 0x00])
    }

    @Test func listOfStructsWritesEachStructWithFreshDeltas() {
        let bytes = encode {
            $0.writeStructList(1, [KeyValue(key: "k", value: "v"), KeyValue(key: "x", value: nil)])
        }
        // 0x19 list field 1; 0x2C: 2 structs; {0x18 'k'-binary field 1, 0x18 'v' field 2, stop}; {field 1, stop}
        #expect(bytes == [0x19, 0x2C, 0x18, 0x01, 0x6B, 0x18, 0x01, 0x76, 0x00, 0x18, 0x01, 0x78, 0x00, 0x00])
    }

    @Test func doubleIsEightBytesLittleEndian() {
        #expect(encode { $0.writeDouble(1, 1.0) } == [0x17, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x00])
    }

    @Test func pageHeaderEncodesRequiredFieldsInIdOrder() {
        let header = PageHeader(
            type: .dataPage, uncompressedPageSize: 10, compressedPageSize: 5,
            dataPageHeader: DataPageHeader(numValues: 3, encoding: .plain)
        ).serialized()
        // type 0, sizes zigzagged (20, 10), then field 5 struct (delta 2): 0x2C,
        // inside: num_values 3 -> 6, encoding PLAIN 0, def RLE 3 -> 6, rep RLE 3 -> 6.
        #expect(header == [0x15, 0x00, 0x15, 0x14, 0x15, 0x0A, 0x2C, 0x15, 0x06, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, 0x00])
    }

    @Test func decoderForTestsReadsBackWhatTheEncoderWrote() throws {
        let bytes = encode {
            $0.writeI64(20, -5)
            $0.writeStringList(21, ["x"])
            $0.writeStruct(22) { $0.writeBool(1, true) }
        }
        var decoder = ThriftCompactDecoder(bytes)
        let decoded = try decoder.readStruct()
        #expect(decoded.int(20) == -5)
        #expect(decoded.list(21)?.compactMap(\.string) == ["x"])
        #expect(decoded.structure(22)?[1]?.bool == true)
    }
}
