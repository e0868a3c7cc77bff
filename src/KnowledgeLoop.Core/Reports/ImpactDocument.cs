using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Core.Reports;

/// <summary>
/// A gap's <c>impact</c> in report.json: the article event, the before and after windows, the FCR change with its
/// two-proportion test, the other rates' tests, the difference-in-differences against the control gaps and the
/// verdict (see <see cref="ArticleImpactCalculator"/>). Null on a gap with no article event.
/// </summary>
public sealed record ImpactDocument
{
    /// <summary>The article.</summary>
    public required string ArticleId { get; init; }

    /// <summary>Its title.</summary>
    public required string ArticleTitle { get; init; }

    /// <summary>When the article was created, updated or published.</summary>
    public required DateTimeOffset EventAt { get; init; }

    /// <summary>"created", "updated" or "published".</summary>
    public required string Source { get; init; }

    /// <summary>The length of each window in days.</summary>
    public required double WindowDays { get; init; }

    /// <summary>The window ending at the event.</summary>
    public required ImpactWindowDocument Before { get; init; }

    /// <summary>The window starting at the event.</summary>
    public required ImpactWindowDocument After { get; init; }

    /// <summary>FCR after − before (a fraction); null when either is not computable.</summary>
    public required double? FcrChange { get; init; }

    /// <summary>The FCR test's z.</summary>
    public required double? Z { get; init; }

    /// <summary>The FCR test's two-sided p-value.</summary>
    public required double? PValue { get; init; }

    /// <summary>The FCR test's p-value is below <see cref="Alpha"/>.</summary>
    public required bool Significant { get; init; }

    /// <summary>The tests of reopen_rate, deflection_rate and nia_rate (null when a rate is not computable).</summary>
    public required ImpactTestDocument? ReopenRateTest { get; init; }

    /// <summary>The deflection test.</summary>
    public required ImpactTestDocument? DeflectionRateTest { get; init; }

    /// <summary>The NIA test.</summary>
    public required ImpactTestDocument? NiaRateTest { get; init; }

    /// <summary>FCR difference-in-differences against the control gaps; null without them.</summary>
    public required double? DidEstimate { get; init; }

    /// <summary>Its standard error.</summary>
    public required double? DidStandardError { get; init; }

    /// <summary>Its two-sided p-value.</summary>
    public required double? DidPValue { get; init; }

    /// <summary>Gaps with no article event in the period, pooled as the control.</summary>
    public required int ControlGapCount { get; init; }

    /// <summary>The control gaps' pooled FCR before.</summary>
    public required RateDocument? ControlFcrBefore { get; init; }

    /// <summary>The control gaps' pooled FCR after.</summary>
    public required RateDocument? ControlFcrAfter { get; init; }

    /// <summary>The significance level.</summary>
    public required double Alpha { get; init; }

    /// <summary>"improved", "worsened", "no_change" or "too_early".</summary>
    public required string Verdict { get; init; }

    /// <summary>The verdict in words, with its numbers.</summary>
    public required string Reason { get; init; }

    /// <summary>The contract name of a verdict.</summary>
    public static string VerdictName(ImpactVerdict verdict) => verdict switch
    {
        ImpactVerdict.Improved => "improved",
        ImpactVerdict.Worsened => "worsened",
        ImpactVerdict.TooEarly => "too_early",
        _ => "no_change",
    };

    /// <summary>The document of an impact, or null for none.</summary>
    public static ImpactDocument? From(ArticleImpact? impact)
    {
        if (impact is null)
        {
            return null;
        }

        var did = impact.FcrDifferenceInDifferences;
        return new ImpactDocument
        {
            ArticleId = impact.Event.ArticleId,
            ArticleTitle = impact.Event.Title,
            EventAt = impact.Event.At,
            Source = impact.Event.Source.ToString().ToLowerInvariant(),
            WindowDays = Math.Round(impact.Window.TotalDays, 3),
            Before = Window(impact.Before),
            After = Window(impact.After),
            FcrChange = Round(impact.Fcr?.Difference),
            Z = Round(impact.Fcr?.Z),
            PValue = Round(impact.Fcr?.PValue),
            Significant = impact.Fcr is { } f && f.PValue < impact.Alpha,
            ReopenRateTest = Test(impact.ReopenRate, impact.Alpha),
            DeflectionRateTest = Test(impact.DeflectionRate, impact.Alpha),
            NiaRateTest = Test(impact.NiaRate, impact.Alpha),
            DidEstimate = Round(did?.Estimate),
            DidStandardError = Round(did?.StandardError),
            DidPValue = Round(did?.PValue),
            ControlGapCount = impact.ControlGaps,
            ControlFcrBefore = MetricsDocument.Map(did?.ControlBefore),
            ControlFcrAfter = MetricsDocument.Map(did?.ControlAfter),
            Alpha = impact.Alpha,
            Verdict = VerdictName(impact.Verdict),
            Reason = impact.Reason,
        };
    }

    private static ImpactWindowDocument Window(ImpactWindow window) => new()
    {
        From = window.From,
        To = window.To,
        Fcr = MetricsDocument.Map(window.Fcr),
        ReopenRate = MetricsDocument.Map(window.ReopenRate),
        DeflectionRate = MetricsDocument.Map(window.DeflectionRate),
        NiaRate = MetricsDocument.Map(window.NiaRate),
        ImmatureFirstContacts = window.ImmatureFirstContacts,
    };

    private static ImpactTestDocument? Test(ProportionTest? test, double alpha) => test is null ? null : new ImpactTestDocument
    {
        Difference = Math.Round(test.Difference, 6),
        Z = Math.Round(test.Z, 6),
        PValue = Math.Round(test.PValue, 6),
        Significant = test.PValue < alpha,
    };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
