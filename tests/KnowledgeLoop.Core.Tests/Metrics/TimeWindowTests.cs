using KnowledgeLoop.Core.Metrics;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class TimeWindowTests
{
    private static TimeWindow BusinessDays(int days) => TimeWindow.From(new MetricsOptions { FcrBusinessDays = days });

    [Theory]
    [InlineData(4 + (10 / 24.0), 1, 7 + (10 / 24.0))] // Friday 10:00 + 1 → Monday 10:00
    [InlineData(5 + (10 / 24.0), 1, 8)] // Saturday 10:00 + 1 → Tuesday 00:00 (all of Monday)
    [InlineData(6 + (23 / 24.0), 1, 8)] // Sunday 23:00 + 1 → Tuesday 00:00
    [InlineData(0.5, 5, 7.5)] // Monday noon + 5 → next Monday noon
    [InlineData(3, 2, 7)] // Thursday + 2 → Monday
    [InlineData(0, 10, 14)] // Monday + 10 → Monday two weeks on
    public void End_BusinessDays_SkipsWeekends(double startDay, int days, double expectedDay)
    {
        var end = BusinessDays(days).End(Day(startDay).UtcTicks);

        Assert.Equal(Day(expectedDay), new DateTimeOffset(end, TimeSpan.Zero));
    }

    [Fact]
    public void End_BusinessDays_IsMonotonicAcrossTheWeekend()
    {
        var window = BusinessDays(1);
        var previous = long.MinValue;
        for (var hour = 0; hour < 24 * 14; hour++)
        {
            var end = window.End(Monday.AddHours(hour).UtcTicks);
            Assert.True(end >= previous, $"window end went back at hour {hour}");
            previous = end;
        }
    }

    [Fact]
    public void End_Calendar_AddsTheWindow()
    {
        var end = TimeWindow.Calendar(TimeSpan.FromDays(7)).End(Day(2).UtcTicks);

        Assert.Equal(Day(9).UtcTicks, end);
    }
}
