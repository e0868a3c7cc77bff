namespace KnowledgeLoop.Core.Tracking;

/// <summary>How a gap of a run relates to the gaps of the run before it (<c>GapMatcher</c>).</summary>
public enum GapLineageStatus
{
    /// <summary>No previous gap matches: a new id.</summary>
    New,

    /// <summary>The one-to-one best match of a previous gap: keeps that gap's id.</summary>
    Continued,

    /// <summary>Took a large share of a previous gap that continued as another gap: a new id whose parent is that gap.</summary>
    Split,

    /// <summary>Absorbed two or more previous gaps: keeps the best match's id and lists the others as merged from.</summary>
    Merged,
}
