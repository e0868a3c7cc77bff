namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>One background analysis as the store keeps it (without its report, which is read on demand).</summary>
public sealed record AnalysisRecord
{
    /// <summary>The analysis id, <c>a-…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Queued, running, succeeded, failed or cancelled.</summary>
    public required AnalysisRunStatus Status { get; init; }

    /// <summary>The stage it is in (or stopped in), e.g. "Embedding"; null before it starts.</summary>
    public string? Stage { get; init; }

    /// <summary>Overall progress, 0..100.</summary>
    public double Percent { get; init; }

    /// <summary>Why it failed; null unless failed.</summary>
    public string? Error { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended (any final status).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The random seed asked for; null for the default.</summary>
    public int? Seed { get; init; }

    /// <summary>The cluster count asked for; null for automatic.</summary>
    public int? Clusters { get; init; }

    /// <summary>The as_of time asked for; null for the latest timestamp in the data.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>How many gaps the report holds; null until it succeeds.</summary>
    public int? GapCount { get; init; }

    /// <summary>True once the analysis can no longer change.</summary>
    public bool IsFinished => Status is AnalysisRunStatus.Succeeded or AnalysisRunStatus.Failed or AnalysisRunStatus.Cancelled;
}
