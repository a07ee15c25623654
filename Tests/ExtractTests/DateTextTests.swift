import DisclosureModel
import Testing
@testable import Extract

@Suite struct DateTextTests {
    @Test(arguments: [
        ("2024年1月8日", "2024-01-08"), ("2024 年 1 月 8 日", "2024-01-08"), ("２０２４年１２月３１日", "2024-12-31"),
        ("二〇二四年一月八日", "2024-01-08"), ("二〇二三年十二月三十一日", "2023-12-31"),
    ])
    func signatureDatesAreRead(_ text: String, _ iso: String) {
        #expect(DateText.wholeLineDate(text)?.description == iso)
    }

    @Test func aPostingTimeAfterTheDateIsIgnored() {
        #expect(DateText.firstDate(in: "2022-01-14 09:25 来源:枣阳市民政局")?.description == "2022-01-14")
    }

    @Test func impossibleDatesAreNotDates() {
        #expect(DateText.wholeLineDate("2023年2月30日") == nil)
        #expect(DateText.wholeLineDate("2023年13月1日") == nil)
    }

    @Test func yearMentionsAreCounted() {
        #expect(DateText.yearMentions(in: "2021年以来，2021年度，2022 年") == [2021, 2021, 2022])
    }
}
