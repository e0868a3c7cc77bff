using System.Text.Json.Serialization;

namespace KnowledgeLoop.Core.Reports;

/// <summary>One of report.json "gaps" (DESIGN §9); written by the gap analysis, absent from metrics-only documents.</summary>
public sealed record GapDocument
{
    /// <summary>The stable gap id.</summary>
    public required string Id { get; init; }

    /// <summary>1 = the largest expected FCR lift.</summary>
    public required int Rank { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>missing, ineffective, outdated, findability, process or duplicate.</summary>
    public required string Type { get; init; }

    /// <summary>The rule that fired, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Top c-TF-IDF terms.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>New and growing fast.</summary>
    public required bool Emerging { get; init; }

    /// <summary>Tickets in the cluster.</summary>
    public required long TicketCount { get; init; }

    /// <summary>Failed first contacts in the cluster.</summary>
    public required long FailureCount { get; init; }

    /// <summary>The cluster's FCR.</summary>
    public required RateDocument? Fcr { get; init; }

    /// <summary>Cluster failures ÷ all mature first contacts.</summary>
    public required double FcrPointsLost { get; init; }

    /// <summary>(FCR of the rest − FCR of the cluster) × cluster volume ÷ all first contacts.</summary>
    public required double ExpectedFcrLift { get; init; }

    /// <summary>Failures in the last 4 weeks vs the 4 before.</summary>
    public required double? Trend { get; init; }

    /// <summary>Share of the cluster's tickets whose best article passes the threshold.</summary>
    public required double Coverage { get; init; }

    /// <summary>The best matching articles.</summary>
    public required IReadOnlyList<GapArticleDocument> TopArticles { get; init; }

    /// <summary>The tickets nearest the centroid.</summary>
    public required IReadOnlyList<string> RepresentativeTicketIds { get; init; }

    /// <summary>The cluster's failed tickets.</summary>
    public required IReadOnlyList<string> FailureTicketIds { get; init; }

    // ---- Extensions beyond DESIGN §9 (added, never renamed) ----

    /// <summary>The weaker type that also applies (e.g. "outdated" on an "ineffective" gap), or null.</summary>
    public string? SecondaryType { get; init; }

    /// <summary>The similarity threshold the typing and the coverage used.</summary>
    public double? SimilarityThreshold { get; init; }

    /// <summary>Bootstrap 95% interval of <see cref="ExpectedFcrLift"/>.</summary>
    public double? ExpectedFcrLiftCiLow { get; init; }

    /// <summary>Bootstrap 95% interval of <see cref="ExpectedFcrLift"/>.</summary>
    public double? ExpectedFcrLiftCiHigh { get; init; }

    /// <summary>Failures in the last 4 weeks before as_of.</summary>
    public long? FailuresLast4Weeks { get; init; }

    /// <summary>Failures in the 4 weeks before those.</summary>
    public long? FailuresPrevious4Weeks { get; init; }

    /// <summary>Mature first contacts of the cluster (the FCR denominator).</summary>
    public long? MatureFirstContacts { get; init; }

    /// <summary>Reopen rate of the cluster's resolved tickets.</summary>
    public RateDocument? ReopenRate { get; init; }

    /// <summary>Escalation rate of the cluster's tickets.</summary>
    public RateDocument? EscalationRate { get; init; }

    /// <summary>Deflection of the self-service sessions whose query falls in the cluster; null without sessions.</summary>
    public RateDocument? DeflectionRate { get; init; }

    /// <summary>Next-issue avoidance of the cluster's resolved tickets.</summary>
    public RateDocument? NiaRate { get; init; }

    /// <summary>Share of the cluster's resolved tickets that link any article.</summary>
    public RateDocument? LinkRate { get; init; }

    /// <summary>Mean CSAT of the cluster's tickets, when the data has CSAT.</summary>
    public double? Csat { get; init; }

    /// <summary>Median hours from creation to resolution in the cluster.</summary>
    public double? MedianHoursToResolution { get; init; }

    /// <summary>Failures times the configured cost per contact; null when no cost is configured.</summary>
    public double? FailureCost { get; init; }

    /// <summary>Agent hours the failures cost (failures × configured minutes per contact); null when not configured.</summary>
    public double? FailureHours { get; init; }

    /// <summary>"systemic" or "skill_based" (DESIGN §4.7), with <see cref="PatternReason"/>.</summary>
    public string? Pattern { get; init; }

    /// <summary>The test behind <see cref="Pattern"/> and its numbers.</summary>
    public string? PatternReason { get; init; }

    /// <summary>Agents (or groups) whose failures in this gap exceed what their volume explains.</summary>
    public IReadOnlyList<GapAgentDocument>? Agents { get; init; }

    /// <summary>Top categories of the cluster's tickets with their counts.</summary>
    public IReadOnlyList<KeyCountDocument>? Categories { get; init; }

    /// <summary>Failures per ISO week (oldest first), for the gap's sparkline.</summary>
    public IReadOnlyList<KeyCountDocument>? WeeklyFailures { get; init; }

    /// <summary>Evidence for the drill-down: the representative tickets first, then failures (capped).</summary>
    public IReadOnlyList<EvidenceTicketDocument>? Evidence { get; init; }

    /// <summary>A chat model's name for the gap (the extractive <see cref="Title"/> stays); null without a chat model.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AiTitle { get; init; }

    /// <summary>A chat model's two or three sentences on the gap; null without a chat model.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AiSummary { get; init; }

    /// <summary>A drafted article outline for missing and ineffective gaps; null without a chat model.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ArticleOutlineDocument? Outline { get; init; }

    /// <summary>A chat model's second opinion on a borderline type; the rule-based <see cref="Type"/> stays.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TypeOpinionDocument? TypeOpinion { get; init; }

    /// <summary>Why a chat output fell back to the extractive labels ("name_gap: not JSON"), when one did.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AiFallbacks { get; init; }

    /// <summary>Related NIA: the gap's mature resolved tickets with no new ticket from the same customer in the same gap within the NIA window ÷ those tickets; null with none mature.</summary>
    public RateDocument? RelatedNia { get; init; }

    /// <summary>Where the gap's customers went next within the NIA window: up to 5 other gaps by tickets, then the unclustered bucket (docs/next-issues.md).</summary>
    public IReadOnlyList<NextIssueDocument>? NextIssues { get; init; }

    /// <summary>Failed first contacts of other gaps (or unclustered) whose later customer messages belong to this gap; not in <see cref="FailureCount"/>.</summary>
    public IReadOnlyList<string>? SecondaryFailureTicketIds { get; init; }

    /// <summary>The number of <see cref="SecondaryFailureTicketIds"/>: failures attributed through a later message, apart from <see cref="FailureCount"/>.</summary>
    public int? SecondaryFailures { get; init; }

    /// <summary>
    /// The measured impact of the latest article created, updated or published for the gap in the data period (before
    /// vs after windows, tests, difference-in-differences, verdict); null when no article event applies.
    /// </summary>
    public ImpactDocument? Impact { get; init; }

    /// <summary>How this gap relates to the previous run's gaps (stable ids): new, continued, split or merged.</summary>
    public GapLineageDocument? Lineage { get; init; }
}
