namespace KnowledgeLoop.Core.Reports;

/// <summary>One window of a gap's <c>impact</c>: its span and the four rates over mature outcomes.</summary>
public sealed record ImpactWindowDocument
{
    /// <summary>Start (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>FCR of the mature first contacts created in the window.</summary>
    public required RateDocument? Fcr { get; init; }

    /// <summary>Reopened ÷ resolved mature tickets created in the window.</summary>
    public required RateDocument? ReopenRate { get; init; }

    /// <summary>Deflection of the mature sessions started in the window; null without sessions.</summary>
    public required RateDocument? DeflectionRate { get; init; }

    /// <summary>Next-issue avoidance of the NIA-mature resolved tickets created in the window.</summary>
    public required RateDocument? NiaRate { get; init; }

    /// <summary>First contacts created in the window whose FCR window is still open (not counted).</summary>
    public required long ImmatureFirstContacts { get; init; }
}
