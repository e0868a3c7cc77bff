namespace KnowledgeLoop.Core.Tracking;

/// <summary>A stored run's gaps (GapRepository.LoadLatest / LoadRun): what the next analysis matches against.</summary>
public sealed record GapRun
{
    /// <summary>The analysis id (the <c>analyses</c> table's id).</summary>
    public required string RunId { get; init; }

    /// <summary>When the run was stored.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The run's geometry and gaps.</summary>
    public required GapGeometry Geometry { get; init; }

    /// <summary>Every gap id the store has ever used (any run), so a new id never reuses one; empty when unknown.</summary>
    public IReadOnlySet<string> KnownIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
