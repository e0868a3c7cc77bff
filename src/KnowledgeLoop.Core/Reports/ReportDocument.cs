using System.Text.Json.Serialization;

namespace KnowledgeLoop.Core.Reports;

/// <summary>
/// report.json (DESIGN §9). <see cref="MetricsDocument.From"/> fills the metrics parts; the gap
/// analysis sets <see cref="Gaps"/> and <see cref="UnclusteredFailures"/> with <c>with { ... }</c>.
/// Fields are only ever added, never renamed.
/// </summary>
public sealed record ReportDocument
{
    /// <summary>When the document was made.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The time maturity was judged at.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The settings of the run.</summary>
    public required ReportSettings Settings { get; init; }

    /// <summary>The population counts.</summary>
    public required CountsDocument Counts { get; init; }

    /// <summary>The overall rates.</summary>
    public required MetricSetDocument Metrics { get; init; }

    /// <summary>Overall median hours to resolution; null when nothing is resolved (an extension).</summary>
    public required double? MedianHoursToResolution { get; init; }

    /// <summary>Per lowercase dimension, its segments.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SegmentDocument>> Segments { get; init; }

    /// <summary>Per-article FCR and deflection (an extension).</summary>
    public required IReadOnlyList<ArticleDocument> Articles { get; init; }

    /// <summary>Misleading-metric findings (an extension).</summary>
    public required IReadOnlyList<DiagnosticDocument> Diagnostics { get; init; }

    /// <summary>How the gap analysis ran; null (and not written) in a metrics-only document.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnalysisSettingsDocument? Analysis { get; init; }

    /// <summary>The ranked gaps; null (and not written) in a metrics-only document.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GapDocument>? Gaps { get; init; }

    /// <summary>Ids of failed tickets no cluster took; null (and not written) in a metrics-only document.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? UnclusteredFailures { get; init; }

    /// <summary>Whether remote AI was used, with which models, and whether text was redacted; null when not recorded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AiDocument? Ai { get; init; }
}
