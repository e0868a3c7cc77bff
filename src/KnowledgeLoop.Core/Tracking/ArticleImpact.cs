namespace KnowledgeLoop.Core.Tracking;

/// <summary>A gap's rates before and after an article event, the tests, the difference-in-differences and the verdict.</summary>
public sealed record ArticleImpact
{
    /// <summary>The gap.</summary>
    public required string GapId { get; init; }

    /// <summary>The article event.</summary>
    public required ArticleEvent Event { get; init; }

    /// <summary>The length of each window.</summary>
    public required TimeSpan Window { get; init; }

    /// <summary>The window ending at the event.</summary>
    public required ImpactWindow Before { get; init; }

    /// <summary>The window starting at the event.</summary>
    public required ImpactWindow After { get; init; }

    /// <summary>FCR after vs before; null when either window has no mature first contact.</summary>
    public required ProportionTest? Fcr { get; init; }

    /// <summary>Reopen rate after vs before.</summary>
    public required ProportionTest? ReopenRate { get; init; }

    /// <summary>Deflection after vs before.</summary>
    public required ProportionTest? DeflectionRate { get; init; }

    /// <summary>Next-issue avoidance after vs before.</summary>
    public required ProportionTest? NiaRate { get; init; }

    /// <summary>FCR difference-in-differences against the control gaps; null without control gaps (or rates).</summary>
    public required DifferenceInDifferences? FcrDifferenceInDifferences { get; init; }

    /// <summary>How many gaps (with no article event in the period) form the control.</summary>
    public required int ControlGaps { get; init; }

    /// <summary>The significance level used.</summary>
    public required double Alpha { get; init; }

    /// <summary>The verdict.</summary>
    public required ImpactVerdict Verdict { get; init; }

    /// <summary>The verdict in words, with the numbers behind it.</summary>
    public required string Reason { get; init; }
}
