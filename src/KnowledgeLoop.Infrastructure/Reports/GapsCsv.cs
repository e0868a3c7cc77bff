using System.Globalization;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>
/// gaps.csv: one row per gap, for a spreadsheet. RFC 4180 (CRLF, quotes doubled, a field quoted when it
/// holds a comma, quote or line break); numbers in the invariant culture with rates as fractions 0..1.
/// Text from the data that a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR) is
/// prefixed with a single quote; numbers this class formats itself are left as numbers, so a negative
/// lift stays a number.
/// </summary>
public static class GapsCsv
{
    /// <summary>The header row's column names.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "rank", "id", "title", "type", "secondary_type", "reason", "ticket_count", "failure_count", "fcr",
        "fcr_points_lost", "expected_fcr_lift", "expected_fcr_lift_ci_low", "expected_fcr_lift_ci_high", "trend",
        "emerging", "coverage", "top_article_id", "top_article_similarity", "keywords", "pattern", "failure_cost",
        "representative_ticket_ids",
    ];

    /// <summary>Writes the header and one row per gap (none when the report has no gaps).</summary>
    public static void Write(ReportDocument report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRow(writer, Columns);
        foreach (var gap in report.Gaps ?? [])
        {
            var top = gap.TopArticles.Count > 0 ? gap.TopArticles[0] : null;
            WriteRow(writer,
            [
                Number(gap.Rank),
                Text(gap.Id),
                Text(gap.Title),
                Text(gap.Type),
                Text(gap.SecondaryType),
                Text(gap.Reason),
                Number(gap.TicketCount),
                Number(gap.FailureCount),
                Number(gap.Fcr?.Rate),
                Number(gap.FcrPointsLost),
                Number(gap.ExpectedFcrLift),
                Number(gap.ExpectedFcrLiftCiLow),
                Number(gap.ExpectedFcrLiftCiHigh),
                Number(gap.Trend),
                gap.Emerging ? "true" : "false",
                Number(gap.Coverage),
                Text(top?.Id),
                Number(top?.Similarity),
                Text(string.Join(';', gap.Keywords)),
                Text(gap.Pattern),
                Number(gap.FailureCost),
                Text(string.Join(';', gap.RepresentativeTicketIds)),
            ]);
        }
    }

    /// <summary>The gaps as CSV text.</summary>
    public static string Render(ReportDocument report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }

    /// <summary>A text cell made harmless for spreadsheets: a leading formula character gets a single quote in front.</summary>
    internal static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty
        : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? "'" + value
        : value;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(cell);
            }
        }

        writer.Write("\r\n");
    }
}
