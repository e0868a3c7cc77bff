namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// The end of a window (FCR/follow-up, NIA) that starts at a timestamp: calendar time, or N business days
/// (Mon–Fri, judged in UTC). A business-day window that starts on a weekend starts at the following
/// Monday 00:00, so a Saturday resolution with 1 business day runs to Tuesday 00:00 (all of Monday),
/// and a Friday 10:00 resolution runs to Monday 10:00. That rule keeps the end monotonic in the start,
/// which the follow-up search relies on.
/// </summary>
internal sealed class TimeWindow
{
    private static readonly long MaximumTicks = DateTime.MaxValue.Ticks;

    // Past this point "start + window" would leave DateTime's range; such windows never end.
    private static readonly long LastSafeStart = DateTime.MaxValue.AddDays(-(MetricsOptions.MaximumBusinessDays * 2) - 7).Ticks;

    private readonly long _calendarTicks;
    private readonly int _businessDays;

    private TimeWindow(long calendarTicks, int businessDays)
    {
        _calendarTicks = calendarTicks;
        _businessDays = businessDays;
    }

    /// <summary>The window the options describe.</summary>
    public static TimeWindow From(MetricsOptions options) => new(options.FcrWindow.Ticks, options.FcrBusinessDays ?? 0);

    /// <summary>A calendar window.</summary>
    public static TimeWindow Calendar(TimeSpan window) => new(window.Ticks, 0);

    /// <summary>The window's end, in UTC ticks, for a start in UTC ticks; the end itself is inside the window.</summary>
    public long End(long startTicks)
    {
        if (_businessDays == 0)
        {
            return Math.Min(startTicks + _calendarTicks, MaximumTicks);
        }

        if (startTicks > LastSafeStart)
        {
            return MaximumTicks;
        }

        var time = new DateTime(startTicks, DateTimeKind.Utc);
        if (time.DayOfWeek == DayOfWeek.Saturday)
        {
            time = time.Date.AddDays(2);
        }
        else if (time.DayOfWeek == DayOfWeek.Sunday)
        {
            time = time.Date.AddDays(1);
        }

        time = time.AddDays(7 * (_businessDays / 5));
        var remaining = _businessDays % 5;
        while (remaining > 0)
        {
            time = time.AddDays(1);
            if (time.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                remaining--;
            }
        }

        return time.Ticks;
    }
}
