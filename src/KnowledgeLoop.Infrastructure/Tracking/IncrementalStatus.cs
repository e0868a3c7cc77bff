namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>What an incremental assignment could do.</summary>
public enum IncrementalStatus
{
    /// <summary>The tickets imported since the last assignment were assigned.</summary>
    Assigned,

    /// <summary>No run is stored yet: the first analysis will cluster the tickets.</summary>
    NoRun,

    /// <summary>Assignment can't run (switched off, a remote embedder, no stored model); <see cref="IncrementalResult.Reason"/> says why.</summary>
    Unavailable,
}
