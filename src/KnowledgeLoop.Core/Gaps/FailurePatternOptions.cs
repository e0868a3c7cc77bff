using System.Globalization;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>Settings of <see cref="FailurePatternAnalyzer"/>; mutable so it binds from configuration.</summary>
public sealed class FailurePatternOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "FailurePattern";

    /// <summary>The p-value below which failures count as concentrated. Defaults to 0.01.</summary>
    public double SignificanceLevel { get; set; } = 0.01;

    /// <summary>Categories expecting fewer failures than this are merged into "other" (the chi-square approximation needs it). Defaults to 5.</summary>
    public double MinimumExpected { get; set; } = 5;

    /// <summary>An agent or group is named when its Pearson residual (failures − expected) ÷ √expected reaches this. Defaults to 2.</summary>
    public double MinimumResidual { get; set; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (!(SignificanceLevel is > 0 and < 1))
        {
            throw Invalid(nameof(SignificanceLevel), "must be between 0 and 1, exclusive", SignificanceLevel);
        }

        if (!(MinimumExpected >= 0 && double.IsFinite(MinimumExpected)))
        {
            throw Invalid(nameof(MinimumExpected), "must be a finite non-negative number", MinimumExpected);
        }

        if (!(MinimumResidual >= 0 && double.IsFinite(MinimumResidual)))
        {
            throw Invalid(nameof(MinimumResidual), "must be a finite non-negative number", MinimumResidual);
        }
    }

    private static ArgumentException Invalid(string name, string rule, object value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} {rule} (was {value})."), name);
}
