using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>Where a gap of a run came from (report.json's <c>lineage</c> object).</summary>
public sealed record GapLineage
{
    /// <summary>New, continued, split or merged.</summary>
    public required GapLineageStatus Status { get; init; }

    /// <summary>The previous gap this one continues (its id is this gap's id), for continued and merged; else null.</summary>
    public string? PreviousId { get; init; }

    /// <summary>For a split, the previous gap it broke off from; else null.</summary>
    public string? ParentId { get; init; }

    /// <summary>For a merged gap, the previous gaps it absorbed besides <see cref="PreviousId"/>; else empty.</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];

    /// <summary>Cosine similarity of this gap's centroid to the matched previous gap's (both in this run's space); null for a new gap.</summary>
    public double? CentroidSimilarity { get; init; }

    /// <summary>Member overlap with the matched previous gap (<c>GapMatcher</c>: Jaccard over tickets the previous run had clustered); null for a new gap.</summary>
    public double? MemberOverlap { get; init; }

    /// <summary>The as-of time of the first run that had this gap id.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>How many runs (this one included) have had this gap id.</summary>
    public required int Runs { get; init; }

    /// <summary>The lineage of a gap seen for the first time in a run as of <paramref name="asOf"/>.</summary>
    public static GapLineage New(DateTimeOffset asOf) => new() { Status = GapLineageStatus.New, FirstSeen = asOf, Runs = 1 };

    /// <summary>The report.json form (<c>lineage</c>).</summary>
    public GapLineageDocument ToDocument() => new()
    {
        Status = StatusName(Status),
        PreviousId = PreviousId,
        ParentId = ParentId,
        MergedFrom = MergedFrom,
        CentroidSimilarity = CentroidSimilarity,
        MemberOverlap = MemberOverlap,
        FirstSeen = FirstSeen,
        Runs = Runs,
    };

    /// <summary>The lowercase name a status has in report.json and the store.</summary>
    public static string StatusName(GapLineageStatus status) => status switch
    {
        GapLineageStatus.New => "new",
        GapLineageStatus.Continued => "continued",
        GapLineageStatus.Split => "split",
        GapLineageStatus.Merged => "merged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown lineage status."),
    };

    /// <summary>The status named <paramref name="name"/> (<see cref="StatusName"/>), or null.</summary>
    public static GapLineageStatus? ParseStatus(string name) => name switch
    {
        "new" => GapLineageStatus.New,
        "continued" => GapLineageStatus.Continued,
        "split" => GapLineageStatus.Split,
        "merged" => GapLineageStatus.Merged,
        _ => null,
    };
}
