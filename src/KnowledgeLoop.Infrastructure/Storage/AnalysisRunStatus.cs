namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>Where a background analysis is in its life.</summary>
public enum AnalysisRunStatus
{
    /// <summary>Waiting in the queue.</summary>
    Queued,

    /// <summary>Running now.</summary>
    Running,

    /// <summary>Finished with a report.</summary>
    Succeeded,

    /// <summary>Stopped by an error (or by the service stopping); <see cref="AnalysisRecord.Error"/> says why.</summary>
    Failed,

    /// <summary>Cancelled on request.</summary>
    Cancelled,
}
