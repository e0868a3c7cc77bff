namespace KnowledgeLoop.Core.Reports;

/// <summary>A rate as report.json writes it: <c>{"rate", "numerator", "denominator", "ci_low", "ci_high"}</c>.</summary>
public sealed record RateDocument
{
    /// <summary>numerator ÷ denominator, 0..1.</summary>
    public required double Rate { get; init; }

    /// <summary>The cases that count.</summary>
    public required long Numerator { get; init; }

    /// <summary>The cases considered.</summary>
    public required long Denominator { get; init; }

    /// <summary>The lower end of the Wilson 95% interval.</summary>
    public required double CiLow { get; init; }

    /// <summary>The upper end of the Wilson 95% interval.</summary>
    public required double CiHigh { get; init; }
}
