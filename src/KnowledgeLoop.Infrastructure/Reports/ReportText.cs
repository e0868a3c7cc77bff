using System.Globalization;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>The words and number formats the Markdown, HTML and CSV renderers share, so the three say the same thing.</summary>
internal static class ReportText
{
    /// <summary>The headline metrics in display order, with a one-line definition each.</summary>
    public static IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("FCR", "First contacts resolved with no reopen, escalation or follow-up within the window", m => m.Fcr),
        new("Reopen rate", "Resolved tickets reopened at least once", m => m.ReopenRate),
        new("Escalation rate", "Tickets escalated", m => m.EscalationRate),
        new("First-tier resolution", "Resolved tickets resolved without escalation", m => m.FirstTierResolutionRate),
        new("Repeat contact", "Tickets that are follow-ups of an earlier one", m => m.RepeatContactRate),
        new("Knowledge deflection", "Self-service sessions not followed by a ticket", m => m.DeflectionRate),
        new("Next-issue avoidance", "Resolved tickets not followed by a new ticket from the customer", m => m.NiaRate),
        new("Link rate", "Resolved tickets that link a knowledge article", m => m.LinkRate),
    ];

    /// <summary>The autonomous (bot) resolution metric, shown only when the data has it.</summary>
    public static MetricInfo Autonomous { get; } =
        new("Autonomous resolution", "Bot-handled tickets resolved with no reopen or follow-up", m => m.AutonomousResolutionRate);

    /// <summary>The metrics worth showing for a document: the eight headline ones, plus autonomous resolution when computed.</summary>
    public static IEnumerable<MetricInfo> ShownMetrics(MetricSetDocument metrics) =>
        Autonomous.Select(metrics) is null ? Metrics : [.. Metrics, Autonomous];

    /// <summary>A fraction as a percentage with one decimal ("72.4%").</summary>
    public static string Percent(double fraction) => Invariant($"{fraction * 100:0.0}%");

    /// <summary>A rate as a percentage, or "n/a".</summary>
    public static string Percent(RateDocument? rate) => rate is null ? "n/a" : Percent(rate.Rate);

    /// <summary>A rate's 95% interval ("70.1–74.6%"), or "n/a".</summary>
    public static string Interval(RateDocument? rate) =>
        rate is null ? "n/a" : Invariant($"{rate.CiLow * 100:0.0}–{rate.CiHigh * 100:0.0}%");

    /// <summary>A rate's numerator over its denominator ("724 / 1,000"), or "n/a".</summary>
    public static string Counts(RateDocument? rate) => rate is null ? "n/a" : $"{Count(rate.Numerator)} / {Count(rate.Denominator)}";

    /// <summary>A rate with its sample size in one short phrase ("72.4% (n = 1,000)").</summary>
    public static string RateWithN(RateDocument? rate) => rate is null ? "n/a" : $"{Percent(rate)} (n = {Count(rate.Denominator)})";

    /// <summary>A count with thousands separators ("1,234").</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A fraction of all mature first contacts as FCR points ("1.25 pts").</summary>
    public static string Points(double fraction) => Invariant($"{fraction * 100:0.00} pts");

    /// <summary>A fraction as signed FCR points ("+1.25 pts").</summary>
    public static string SignedPoints(double fraction) => Invariant($"{fraction * 100:+0.00;−0.00;0.00} pts");

    /// <summary>The expected lift with its bootstrap interval when known ("+1.25 pts (0.80–1.70)").</summary>
    public static string Lift(GapDocument gap) =>
        gap.ExpectedFcrLiftCiLow is { } low && gap.ExpectedFcrLiftCiHigh is { } high
            ? Invariant($"{SignedPoints(gap.ExpectedFcrLift)} ({low * 100:0.00}–{high * 100:0.00})")
            : SignedPoints(gap.ExpectedFcrLift);

    /// <summary>A similarity ("0.42").</summary>
    public static string Similarity(double value) => Invariant($"{value:0.00}");

    /// <summary>Hours with one decimal ("12.5 h"), or "n/a".</summary>
    public static string Hours(double? hours) => hours is { } h ? Invariant($"{h:0.0} h") : "n/a";

    /// <summary>A money amount without a currency symbol (the configuration knows the currency).</summary>
    public static string Money(double value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A timestamp in UTC, to the minute ("2026-07-31 00:00 UTC").</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A date in UTC ("2026-07-31").</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The trend in words: the weekly counts when known ("12 vs 8, +50%"), else the trend figure read as the
    /// relative change of failures in the last 4 weeks against the 4 before; "n/a" when neither is known.
    /// </summary>
    public static string Trend(GapDocument gap)
    {
        if (gap.FailuresLast4Weeks is { } last && gap.FailuresPrevious4Weeks is { } previous)
        {
            var change = previous == 0 ? (last == 0 ? "flat" : "new") : Invariant($"{(last - previous) / (double)previous * 100:+0;−0;0}%");
            return Invariant($"{Arrow(last - previous)} {last} vs {previous} ({change})");
        }

        return gap.Trend is { } trend ? Invariant($"{Arrow(trend)} {trend * 100:+0;−0;0}%") : "n/a";
    }

    /// <summary>The FCR window in words ("7 days", "5 business days", "36 hours").</summary>
    public static string FcrWindow(ReportSettings settings)
    {
        if (settings.FcrBusinessDays is { } days)
        {
            return Invariant($"{days} business days");
        }

        var hours = settings.FcrWindowHours;
        return hours % 24 == 0 ? Invariant($"{hours / 24:0} days") : Invariant($"{hours:0.#} hours");
    }

    /// <summary>
    /// The ticket period the report covers, from the first and last key of the week (or month) segments
    /// ("2026-W01 to 2026-W20"); null when the report has neither.
    /// </summary>
    public static string? Period(ReportDocument report)
    {
        foreach (var dimension in new[] { "week", "month" })
        {
            if (report.Segments.TryGetValue(dimension, out var rows) && rows.Count > 0)
            {
                var keys = rows.Select(r => r.Key).Where(k => k != "(none)").Order(StringComparer.Ordinal).ToList();
                if (keys.Count > 0)
                {
                    return keys.Count == 1 ? keys[0] : $"{keys[0]} to {keys[^1]}";
                }
            }
        }

        return null;
    }

    /// <summary>The weekly FCR rows, oldest first (ISO week keys sort as text).</summary>
    public static IReadOnlyList<SegmentDocument> Weeks(ReportDocument report) =>
        report.Segments.TryGetValue("week", out var rows)
            ? rows.Where(r => r.Key != "(none)").OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The gap type with its secondary type ("ineffective (also outdated)").</summary>
    public static string Type(GapDocument gap) =>
        string.IsNullOrEmpty(gap.SecondaryType) || gap.SecondaryType == gap.Type ? gap.Type : $"{gap.Type} (also {gap.SecondaryType})";

    /// <summary>"systemic" or "skill-based", or null.</summary>
    public static string? Pattern(GapDocument gap) => gap.Pattern switch
    {
        null or "" => null,
        "skill_based" => "skill-based",
        var other => other,
    };

    /// <summary>The agents or groups named by the pattern test ("ana (agent): 9 failures, 3.1 expected").</summary>
    public static IEnumerable<string> Agents(GapDocument gap) =>
        (gap.Agents ?? []).Select(a => Invariant($"{a.Name} ({a.Kind}): {a.Failures} of {a.Tickets} failed, {a.ExpectedFailures:0.0} expected"));

    /// <summary>What a knowledge manager should do about the gap, by its type (DESIGN §4.7), and coaching when it is skill-based.</summary>
    public static string Action(GapDocument gap)
    {
        var best = gap.TopArticles.Count > 0 ? $"\"{gap.TopArticles[0].Title}\"" : "the best-matching article";
        var action = gap.Type switch
        {
            "missing" => "Create an article: no existing article passes the similarity threshold. Draft it from the representative tickets, the keywords and the resolutions that worked.",
            "ineffective" => $"Rewrite {best}: it matches and agents link it, yet this topic's FCR stays below the rest. Check its steps against the failed tickets.",
            "outdated" => $"Update {best}: it is older than the recent surge of these tickets, so its content has likely fallen behind the product.",
            "findability" => $"Fix findability of {best}: it matches but is rarely linked and rarely deflects. Improve its title and search terms (use the keywords) and its placement.",
            "process" => "Route to the process owner: the articles are fine and linked, but failures are dominated by escalations and transfers (routing, permissions or a product defect, not documentation).",
            "duplicate" => gap.TopArticles.Count > 1
                ? $"Merge duplicates: \"{gap.TopArticles[0].Title}\" and \"{gap.TopArticles[1].Title}\" match almost equally and resemble each other. Keep one and redirect the other."
                : "Merge duplicates: several articles match this topic almost equally and resemble each other. Keep one and redirect the rest.",
            _ => "Review the evidence tickets and the matched articles.",
        };
        var also = gap.SecondaryType == gap.Type ? null : gap.SecondaryType switch
        {
            "outdated" => " It is also older than the recent surge of these tickets: bring it up to date while rewriting.",
            "findability" => " It is also hard to find: improve its title and search terms.",
            "duplicate" => " Near-duplicate articles also compete for this topic: merge them.",
            "process" => " Escalations also weigh heavily: check routing with the process owner.",
            "ineffective" => " The best match also fails to resolve when linked: check its steps.",
            _ => null,
        };
        return action + also + (gap.Pattern == "skill_based"
            ? " Failures concentrate on a few agents beyond their volume: coach the agents named below."
            : string.Empty);
    }

    private static string Arrow(double change) => change > 0 ? "↑" : change < 0 ? "↓" : "→";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
