using System.Globalization;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>Settings of <see cref="GapImpactCalculator"/>; mutable so it binds from configuration.</summary>
public sealed class GapImpactOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "GapImpact";

    /// <summary>Cost of one contact in the user's currency; turns failures into money. Defaults to null (not reported).</summary>
    public double? CostPerContact { get; set; }

    /// <summary>Agent minutes one contact takes; turns failures into hours. Defaults to null (not reported).</summary>
    public double? MinutesPerContact { get; set; }

    /// <summary>Bootstrap resamples behind the interval of the expected lift. Defaults to 500; 0 skips the interval.</summary>
    public int BootstrapResamples { get; set; } = 500;

    /// <summary>Seed of the bootstrap. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Weeks in each half of the trend (the last N weeks before as_of vs the N before those). Defaults to 4.</summary>
    public int TrendWeeks { get; set; } = 4;

    /// <summary>Emerging: the cluster had less than <see cref="EmergingMaximumEarlierShare"/> of its volume before this many weeks before as_of. Defaults to 6.</summary>
    public int EmergingLookbackWeeks { get; set; } = 6;

    /// <summary>Emerging: the largest share of the cluster's tickets created before the lookback. Defaults to 0.10.</summary>
    public double EmergingMaximumEarlierShare { get; set; } = 0.10;

    /// <summary>Emerging: recent failures at least this multiple of the previous period's. Defaults to 2.</summary>
    public double EmergingGrowthFactor { get; set; } = 2.0;

    /// <summary>Emerging: fewest recent failures. Defaults to 5.</summary>
    public int EmergingMinimumFailures { get; set; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (CostPerContact is { } cost && !(cost >= 0 && double.IsFinite(cost)))
        {
            throw Invalid(nameof(CostPerContact), "must be a finite non-negative number", cost);
        }

        if (MinutesPerContact is { } minutes && !(minutes >= 0 && double.IsFinite(minutes)))
        {
            throw Invalid(nameof(MinutesPerContact), "must be a finite non-negative number", minutes);
        }

        if (BootstrapResamples is < 0 or > 100_000)
        {
            throw Invalid(nameof(BootstrapResamples), "must be between 0 and 100000", BootstrapResamples);
        }

        if (TrendWeeks is < 1 or > 520)
        {
            throw Invalid(nameof(TrendWeeks), "must be between 1 and 520", TrendWeeks);
        }

        if (EmergingLookbackWeeks is < 1 or > 520)
        {
            throw Invalid(nameof(EmergingLookbackWeeks), "must be between 1 and 520", EmergingLookbackWeeks);
        }

        if (!(EmergingMaximumEarlierShare is >= 0 and <= 1))
        {
            throw Invalid(nameof(EmergingMaximumEarlierShare), "must be between 0 and 1", EmergingMaximumEarlierShare);
        }

        if (!(EmergingGrowthFactor >= 1 && double.IsFinite(EmergingGrowthFactor)))
        {
            throw Invalid(nameof(EmergingGrowthFactor), "must be at least 1", EmergingGrowthFactor);
        }

        if (EmergingMinimumFailures < 1)
        {
            throw Invalid(nameof(EmergingMinimumFailures), "must be at least 1", EmergingMinimumFailures);
        }
    }

    private static ArgumentException Invalid(string name, string rule, object value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} {rule} (was {value})."), name);
}
