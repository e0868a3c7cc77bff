using System.Globalization;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Segment keys: the ticket's attribute (blank → "(none)"), or created_at's ISO week ("2026-W23", the
/// ISO week-numbering year) or month ("2026-06"), both in UTC. Sessions fall in week and month
/// segments by started_at.
/// </summary>
public static class SegmentKeys
{
    /// <summary>A ticket's key in a dimension, as the report's segments name it: its attribute, or its created_at week or month.</summary>
    public static string Key(Ticket ticket, SegmentDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return dimension is SegmentDimension.Week or SegmentDimension.Month
            ? TimeKey(TimeCode(ticket.CreatedAt, dimension), dimension)
            : Attribute(ticket, dimension);
    }

    /// <summary>The lowercase dimension name used in reports and diagnostics.</summary>
    public static string Name(SegmentDimension dimension) => dimension switch
    {
        SegmentDimension.Category => "category",
        SegmentDimension.Product => "product",
        SegmentDimension.Channel => "channel",
        SegmentDimension.Priority => "priority",
        SegmentDimension.Group => "group",
        SegmentDimension.Agent => "agent",
        SegmentDimension.Week => "week",
        SegmentDimension.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>The attribute of a non-time dimension.</summary>
    public static string Attribute(Ticket ticket, SegmentDimension dimension)
    {
        var value = dimension switch
        {
            SegmentDimension.Category => ticket.Category,
            SegmentDimension.Product => ticket.Product,
            SegmentDimension.Channel => ticket.Channel,
            SegmentDimension.Priority => ticket.Priority,
            SegmentDimension.Group => ticket.Group,
            SegmentDimension.Agent => ticket.Agent,
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not an attribute dimension."),
        };
        return string.IsNullOrWhiteSpace(value) ? SegmentMetrics.NoneKey : value;
    }

    /// <summary>A sortable number for the time bucket of a timestamp: ISO year × 100 + week, or year × 100 + month.</summary>
    public static int TimeCode(DateTimeOffset time, SegmentDimension dimension)
    {
        var utc = time.UtcDateTime;
        return dimension == SegmentDimension.Week
            ? (ISOWeek.GetYear(utc) * 100) + ISOWeek.GetWeekOfYear(utc)
            : (utc.Year * 100) + utc.Month;
    }

    /// <summary>The key of a time code.</summary>
    public static string TimeKey(int code, SegmentDimension dimension) => dimension == SegmentDimension.Week
        ? string.Create(CultureInfo.InvariantCulture, $"{code / 100:D4}-W{code % 100:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{code / 100:D4}-{code % 100:D2}");

    /// <summary>The month code before <paramref name="code"/>.</summary>
    public static int PreviousMonth(int code) => code % 100 == 1 ? code - 100 + 11 : code - 1;
}
