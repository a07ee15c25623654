import Testing
@testable import Extract

/// What the trace reader takes from `mutool trace`: characters in page space, table rules, and
/// nothing it should not (white cell backgrounds, bold copies, watermarks).
@Suite struct MuPDFTraceTests {
    /// Two pages as LibreOffice writes them: user space flipped by the transform, a bold copy of a
    /// span (filled, then stroked), a white background fill, a thin filled bar, and a slanted stamp.
    static let trace = """
    <document filename="x.pdf">
    <page number="1" mediabox="0 0 595 842">
    <fill_path winding="nonzero" colorspace="DeviceRGB" color="1 1 1" transform="1 0 0 -1 0 842">
    <moveto x="50" y="700"/><lineto x="300" y="700"/><lineto x="300" y="680"/><lineto x="50" y="680"/><closepath/>
    </fill_path>
    <stroke_path linewidth="1" colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 842">
    <moveto x="50" y="700"/><lineto x="300" y="700"/>
    </stroke_path>
    <fill_path winding="nonzero" colorspace="DeviceGray" color="0" transform="1 0 0 1 0 0">
    <moveto x="50" y="160"/><lineto x="50.5" y="160"/><lineto x="50.5" y="200"/><lineto x="50" y="200"/><closepath/>
    </fill_path>
    <fill_text colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 842">
    <span font="SimSun" wmode="0" bidi="0" trm="10 0 0 10">
    <g unicode="规" glyph="1" x="60" y="690" adv="1"/>
    <g unicode="&lt;" glyph="2" x="70" y="690" adv=".5"/>
    </span>
    </fill_text>
    <stroke_text colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 842">
    <span font="SimSun" wmode="0" bidi="0" trm="10 0 0 10">
    <g unicode="规" glyph="1" x="60" y="690" adv="1"/>
    <g unicode="&lt;" glyph="2" x="70" y="690" adv=".5"/>
    </span>
    </stroke_text>
    <fill_text colorspace="DeviceRGB" color=".8 .8 .8" transform="1 0 0 1 0 0">
    <span font="SimSun" wmode="0" bidi="0" trm="20 20 -20 20">
    <g unicode="稿" glyph="3" x="200" y="400" adv="1"/>
    </span>
    </fill_text>
    </page>
    <page number="2" mediabox="0 0 595 842">
    </page>
    </document>
    """

    @Test func charactersAreInPageSpaceOnceEachAndStampsAreLeftOut() {
        let trace = MuPDFTrace(Array(Self.trace.utf8))
        #expect(trace.pageCount == 2)
        #expect(trace.glyphs.map(\.scalar) == ["规", "<"])
        let first = trace.glyphs[0]
        // Origin (60, 690) flipped to y = 152, then the em box's centre: +5 along, 3.8 up.
        #expect(abs(first.x - 65) < 0.01 && abs(first.y - 148.2) < 0.01)
        #expect(first.size == 10 && first.isUpright)
    }

    @Test func strokesAndThinBarsAreRulesButWhiteFillsAreNot() {
        let trace = MuPDFTrace(Array(Self.trace.utf8))
        #expect(trace.rules.count == 2)
        let horizontal = trace.rules.first { $0.isHorizontal }, vertical = trace.rules.first { !$0.isHorizontal }
        #expect(horizontal.map { abs($0.position - 142) < 0.01 && $0.start == 50 && $0.end == 300 } == true)
        #expect(vertical.map { abs($0.position - 50.25) < 0.01 && $0.start == 160 && $0.end == 200 } == true)
    }

    /// The stream may be cut anywhere, even inside a tag: the result is the same.
    @Test func aTraceReadInPiecesGivesTheSameResult() {
        let bytes = Array(Self.trace.utf8)
        var pieces = MuPDFTrace()
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 37)
            bytes[start..<end].withUnsafeBufferPointer { pieces.consume($0) }
            start = end
        }
        let whole = MuPDFTrace(bytes)
        #expect(pieces.glyphs.map(\.scalar) == whole.glyphs.map(\.scalar))
        #expect(pieces.rules.count == whole.rules.count && pieces.pageCount == whole.pageCount)
    }

    /// A span whose characters all sit on one spot is a blot and is left out with its text; a
    /// squeezed pair inside a line (`提供`) and a narrow pair (`1.`) are kept.
    @Test func blotsAreLeftOutAndSqueezedTextIsKept() {
        let xml = """
        <document filename="x.pdf">
        <page number="1" mediabox="0 0 595 842">
        <fill_text colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 842">
        <span font="WenQuanYiZenHei" wmode="0" bidi="0" trm="10.5 0 0 10.5">
        <g unicode="其" glyph="1" x="87.1" y="222.9" adv="1"/>
        <g unicode="他" glyph="2" x="87.1" y="222.4" adv="1"/>
        <g unicode="处" glyph="3" x="87.1" y="221.7" adv="1"/>
        <g unicode="理" glyph="4" x="87.1" y="221.1" adv="1"/>
        </span>
        <span font="WenQuanYiZenHei" wmode="0" bidi="0" trm="10.5 0 0 10.5">
        <g unicode="1" glyph="5" x="146.2" y="289.3" adv=".2"/>
        <g unicode="." glyph="6" x="148.3" y="289.3" adv=".3"/>
        <g unicode="要" glyph="7" x="151.4" y="289.3" adv="1"/>
        <g unicode="提" glyph="8" x="161.9" y="289.3" adv="1"/>
        <g unicode="供" glyph="9" x="161.9" y="289.3" adv="1"/>
        </span>
        </fill_text>
        </page>
        </document>
        """
        let trace = MuPDFTrace(Array(xml.utf8))
        #expect(String(String.UnicodeScalarView(trace.glyphs.map(\.scalar))) == "1.要提供")
        #expect(trace.overprinted.map(\.text) == ["其他处理"])
        #expect(trace.overprinted.map(\.page) == [1])
    }
}
