import Foundation
import Testing
@testable import Terminal

@Suite("Charts")
struct ChartTests {
    static let plain = Style(enabled: false)
    static let ansi = Style(enabled: true)

    /// A 30-day review forecast: a backlog today, a bump each week, quiet days in between.
    static let forecast: [Int] = (0..<30).map { day in day == 0 ? 48 : (day % 7 == 0 ? 20 : (day * 7) % 11) }
    static let forecastLabels: [String] = (0..<30).map { day in day == 0 ? "today" : "+\(day)" }

    @Test("Vertical bar chart of a 30-day forecast")
    func verticalForecast() throws {
        try GoldenFile.check(BarChart.vertical(values: Self.forecast, labels: Self.forecastLabels, height: 8, style: Self.plain),
                             "charts/forecast.plain.txt")
        try GoldenFile.check(BarChart.vertical(values: Self.forecast, labels: Self.forecastLabels, height: 8, style: Self.ansi),
                             "charts/forecast.ansi.txt")
    }

    @Test("Vertical bars: every non-zero value is visible, zeros and odd values draw nothing")
    func verticalSmallValues() {
        let text = BarChart.vertical(values: [1000, 1, 0, -5, .nan, .infinity], height: 2, style: Self.plain)
        #expect(text == """
            1000 ┤█
                 │█ ▁
               0 └───────────

            """)
        #expect(BarChart.vertical(values: [Double](), height: 3, style: Self.plain) == "0 ┤\n  │\n  │\n0 └─\n")
        #expect(BarChart.vertical(values: [0, 0], height: 0, style: Self.plain) == "0 ┤\n0 └───\n")
    }

    @Test("Horizontal bar chart scaled to the width")
    func horizontal() throws {
        let values = [25.0, 6, 12.5, 0]
        let labels = ["Workloads", "Storage", "Networking and Services", "Security"]
        try GoldenFile.check(BarChart.horizontal(values: values, labels: labels, width: 50, style: Self.plain),
                             "charts/topics.plain.txt")
        try GoldenFile.check(BarChart.horizontal(values: values, labels: labels, width: 50, style: Self.ansi),
                             "charts/topics.ansi.txt")
        #expect(BarChart.horizontal(values: [Double](), labels: [], style: Self.plain) == "")
    }

    @Test("Calendar heatmap of 26 weeks, Sunday on top, ending mid-week")
    func heatmap() throws {
        let end = CalendarDay(year: 2026, month: 11, day: 18)  // a Wednesday
        var counts: [CalendarDay: Int] = [:]
        for offset in 0..<200 {
            let day = end.adding(days: -offset)
            counts[day] = (offset * 37) % 23 < 8 ? 0 : (offset * 13) % 40
        }
        counts[end.adding(days: 1)] = 500  // after the end: not drawn, not the scale
        try GoldenFile.check(Heatmap.calendar(countsByDay: counts, endingAt: end, weeks: 26, style: Self.plain),
                             "charts/heatmap.plain.txt")
        try GoldenFile.check(Heatmap.calendar(countsByDay: counts, endingAt: end, weeks: 26, style: Self.ansi),
                             "charts/heatmap.ansi.txt")
    }

    @Test("Heatmap from DateComponents equals the one from days; zero weeks draw nothing")
    func heatmapComponents() {
        let components = [DateComponents(year: 2026, month: 1, day: 5): 3, DateComponents(year: 2026, month: 1, day: 7): 1]
        let days = [CalendarDay(year: 2026, month: 1, day: 5): 3, CalendarDay(year: 2026, month: 1, day: 7): 1]
        let end = CalendarDay(year: 2026, month: 1, day: 10)
        let viaComponents = Heatmap.calendar(countsByDay: components, endingAt: DateComponents(year: 2026, month: 1, day: 10), weeks: 2, style: Self.plain)
        #expect(viaComponents == Heatmap.calendar(countsByDay: days, endingAt: end, weeks: 2, style: Self.plain))
        #expect(Heatmap.calendar(countsByDay: days, endingAt: end, weeks: 0, style: Self.plain) == "")
        #expect(viaComponents.split(separator: "\n").count == 9)
    }

    @Test("Shades are quarters of the busiest day, rounded up")
    func levels() {
        #expect(Heatmap.level(0, busiest: 10) == 0)
        #expect(Heatmap.level(1, busiest: 10) == 1)
        #expect(Heatmap.level(5, busiest: 10) == 2)
        #expect(Heatmap.level(8, busiest: 10) == 4 - 0)
        #expect(Heatmap.level(10, busiest: 10) == 4)
        #expect(Heatmap.level(3, busiest: 0) == 0)
    }

    @Test("Calendar days: weekdays and carrying agree with the Gregorian calendar")
    func calendarDays() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1).weekday == 4)   // Thursday
        #expect(CalendarDay(year: 2000, month: 2, day: 29).weekday == 2)  // Tuesday
        #expect(CalendarDay(year: 2026, month: 11, day: 23).weekday == 1) // Monday
        #expect(CalendarDay(year: 2025, month: 2, day: 30) == CalendarDay(year: 2025, month: 3, day: 2))
        #expect(CalendarDay(year: 2025, month: 13, day: 1) == CalendarDay(year: 2026, month: 1, day: 1))
        #expect(CalendarDay(year: 2024, month: 12, day: 31).adding(days: 1).description == "2025-01-01")
        #expect(CalendarDay(year: 1900, month: 3, day: 1).adding(days: -1).description == "1900-02-28")
    }
}
