namespace KnowledgeLoop.Core.Reports;

/// <summary>report.json's <c>lineage</c> of a gap: how it relates to the previous run's gaps (stable ids, DESIGN §4.9).</summary>
public sealed record GapLineageDocument
{
    /// <summary>"new", "continued", "split" or "merged"; "new" on a store's first run and without a store.</summary>
    public required string Status { get; init; }

    /// <summary>The previous gap whose id this gap keeps (continued, merged); null otherwise.</summary>
    public string? PreviousId { get; init; }

    /// <summary>The previous gap a split broke off from; null otherwise.</summary>
    public string? ParentId { get; init; }

    /// <summary>The other previous gaps a merged gap absorbed; empty otherwise.</summary>
    public required IReadOnlyList<string> MergedFrom { get; init; }

    /// <summary>Cosine of this gap's centroid to the matched (or parent) previous gap's; null for a new gap.</summary>
    public double? CentroidSimilarity { get; init; }

    /// <summary>Jaccard overlap of member tickets with the matched (or parent) previous gap; null for a new gap.</summary>
    public double? MemberOverlap { get; init; }

    /// <summary>The as-of time of the first run that had this id.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Runs (this one included) that had this id.</summary>
    public required int Runs { get; init; }
}
