namespace KnowledgeLoop.Core.Tracking;

/// <summary>Settings of <see cref="ArticleImpactCalculator"/>; mutable so it binds from configuration.</summary>
public sealed class ArticleImpactOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Impact";

    /// <summary>The longest before and after window; each is shortened to the time available on both sides. Defaults to 56 days.</summary>
    public TimeSpan MaximumWindow { get; set; } = TimeSpan.FromDays(56);

    /// <summary>Significance level of the two-proportion tests and the difference-in-differences. Defaults to 0.05.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Fewest mature first contacts in a window for a verdict (fewer after the event: too early). Defaults to 20.</summary>
    public int MinimumSample { get; set; } = 20;

    /// <summary>An article linked by at least this many of a gap's tickets matches the gap whatever its similarity. Defaults to 3.</summary>
    public int MinimumLinkingTickets { get; set; } = 3;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (MaximumWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:MaximumWindow must be positive.", nameof(MaximumWindow));
        }

        if (Alpha is <= 0 or >= 1)
        {
            throw new ArgumentException($"{SectionName}:Alpha must be between 0 and 1.", nameof(Alpha));
        }

        if (MinimumSample < 1 || MinimumLinkingTickets < 1)
        {
            throw new ArgumentException($"{SectionName}: MinimumSample and MinimumLinkingTickets must be at least 1.");
        }
    }
}
