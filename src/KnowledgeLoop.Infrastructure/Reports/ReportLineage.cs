using System.Globalization;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>The "Since last run" line of a gap in report.md and report.html, from its lineage (stable ids).</summary>
internal static class ReportLineage
{
    /// <summary>
    /// "new", "continued from the last run (3 runs, first seen 2026-01-05)", "split from gap-…", "merged from gap-…,
    /// gap-…"; null when the report has no lineage (a report written before gap tracking).
    /// </summary>
    public static string? SinceLastRun(GapDocument gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        if (gap.Lineage is not { } lineage)
        {
            return null;
        }

        var runs = lineage.Runs > 1
            ? string.Create(CultureInfo.InvariantCulture, $" ({lineage.Runs} runs, first seen {lineage.FirstSeen:yyyy-MM-dd})")
            : string.Empty;
        return lineage.Status switch
        {
            "continued" => "continued from the last run" + runs,
            "merged" => "merged from " + string.Join(", ", new[] { lineage.PreviousId }.Concat(lineage.MergedFrom).OfType<string>()) + runs,
            "split" => "split from " + lineage.ParentId,
            _ => "new",
        };
    }
}
