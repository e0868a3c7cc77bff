namespace KnowledgeLoop.Core.Reports;

/// <summary>A two-proportion z-test of a rate after vs before an article event.</summary>
public sealed record ImpactTestDocument
{
    /// <summary>after − before, as a fraction.</summary>
    public required double Difference { get; init; }

    /// <summary>The z statistic.</summary>
    public required double Z { get; init; }

    /// <summary>The two-sided p-value.</summary>
    public required double PValue { get; init; }

    /// <summary>p-value below the report's alpha.</summary>
    public required bool Significant { get; init; }
}
