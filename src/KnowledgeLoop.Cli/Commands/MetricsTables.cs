using System.Globalization;
using KnowledgeLoop.Core.Metrics;
using Spectre.Console;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>Metrics as readable tables: every rate with its numerator, denominator and 95% interval.</summary>
internal static class MetricsTables
{
    public static void Write(CliConsole console, MetricsResult result, SegmentDimension? dimension)
    {
        var counts = result.Counts;
        console.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"As of {result.AsOf:yyyy-MM-dd HH:mm} UTC: {counts.Tickets:N0} tickets, {counts.FirstContacts:N0} first contacts " +
            $"({counts.MatureFirstContacts:N0} mature, {counts.Immature:N0} too recent to judge), {counts.Failures:N0} failures, " +
            $"{counts.Articles:N0} articles, {counts.Sessions:N0} sessions")));

        var table = new Table().Border(TableBorder.Rounded).Title("Overall");
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Rate").RightAligned());
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddColumn(new TableColumn("95% interval").RightAligned());
        foreach (var (name, rate) in Rates(result.Overall))
        {
            table.AddRow(name, Percent(rate), Fraction(rate), Interval(rate));
        }

        if (result.Overall.MedianTimeToResolution is { } median)
        {
            table.AddRow("Median time to resolution", Hours(median), string.Empty, string.Empty);
        }

        console.Out.Write(table);

        if (dimension is { } shown && result.Segments.TryGetValue(shown, out var rows))
        {
            var segments = new Table().Border(TableBorder.Rounded).Title($"By {shown.ToString().ToLowerInvariant()}");
            segments.AddColumn(shown.ToString());
            segments.AddColumn(new TableColumn("Tickets").RightAligned());
            segments.AddColumn(new TableColumn("FCR").RightAligned());
            segments.AddColumn(new TableColumn("FCR 95%").RightAligned());
            segments.AddColumn(new TableColumn("Reopen").RightAligned());
            segments.AddColumn(new TableColumn("Escalation").RightAligned());
            segments.AddColumn(new TableColumn("Repeat").RightAligned());
            segments.AddColumn(new TableColumn("NIA").RightAligned());
            segments.AddColumn(new TableColumn("Deflection").RightAligned());
            segments.AddColumn(new TableColumn("Median TTR").RightAligned());
            foreach (var row in rows)
            {
                var m = row.Metrics;
                segments.AddRow(
                    Markup.Escape(row.Key),
                    row.Tickets.ToString("N0", CultureInfo.InvariantCulture),
                    Percent(m.Fcr),
                    Interval(m.Fcr),
                    Percent(m.ReopenRate),
                    Percent(m.EscalationRate),
                    Percent(m.RepeatContactRate),
                    Percent(m.NiaRate),
                    Percent(m.DeflectionRate),
                    m.MedianTimeToResolution is { } ttr ? Hours(ttr) : "-");
            }

            console.Out.Write(segments);
        }

        var diagnostics = dimension is { } d
            ? result.Diagnostics.Where(x => string.Equals(x.Dimension, d.ToString(), StringComparison.OrdinalIgnoreCase)).ToList()
            : result.Diagnostics.ToList();
        if (diagnostics.Count > 0)
        {
            console.Out.MarkupLine("[bold]Diagnostics[/] (pairings that make a metric mislead):");
            foreach (var diagnostic in diagnostics)
            {
                console.Out.MarkupLine(Markup.Escape($"  {diagnostic.Dimension}={diagnostic.Key}: {diagnostic.Message}"));
            }
        }

        if (dimension is null)
        {
            console.Out.MarkupLine("[grey]Segments: --segment category|product|channel|priority|group|agent|week|month; all of them with --json.[/]");
        }
    }

    private static IEnumerable<(string Name, Rate? Rate)> Rates(MetricSet m)
    {
        yield return ("First contact resolution (FCR)", m.Fcr);
        yield return ("Reopen rate", m.ReopenRate);
        yield return ("Escalation rate", m.EscalationRate);
        yield return ("First-tier resolution rate", m.FirstTierResolutionRate);
        yield return ("Repeat-contact rate", m.RepeatContactRate);
        yield return ("Knowledge deflection rate", m.DeflectionRate);
        yield return ("Next-issue avoidance (NIA)", m.NiaRate);
        yield return ("Link rate (KCS)", m.LinkRate);
        if (m.AutonomousResolutionRate is not null)
        {
            yield return ("Autonomous resolution rate", m.AutonomousResolutionRate);
        }
    }

    private static string Percent(Rate? rate) =>
        rate is null ? "n/a" : rate.Value.ToString("P1", CultureInfo.InvariantCulture);

    private static string Fraction(Rate? rate) =>
        rate is null ? "no data" : string.Create(CultureInfo.InvariantCulture, $"{rate.Numerator:N0} / {rate.Denominator:N0}");

    private static string Interval(Rate? rate) =>
        rate is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{rate.CiLow * 100:0.0}-{rate.CiHigh * 100:0.0}%");

    private static string Hours(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.0} h");
}
