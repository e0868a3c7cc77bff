using System.Globalization;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>Windows and settings of the metrics (DESIGN §3); mutable so it binds from configuration.</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Metrics";

    /// <summary>The time maturity is judged at. Defaults to null: the latest timestamp in the data.</summary>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>The FCR and follow-up window in calendar time. Defaults to 7 days.</summary>
    public TimeSpan FcrWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>When set, the FCR and follow-up window is this many business days (Mon–Fri, UTC) instead of <see cref="FcrWindow"/>. Defaults to null.</summary>
    public int? FcrBusinessDays { get; set; }

    /// <summary>How long after a self-service session a ticket from the same customer undoes the deflection. Defaults to 72 hours.</summary>
    public TimeSpan DeflectionWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long after a resolution a new ticket from the same customer counts against next-issue avoidance. Defaults to 30 days.</summary>
    public TimeSpan NiaWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The dimensions to segment by; duplicates are ignored. Defaults to all eight.</summary>
    public IReadOnlyList<SegmentDimension> Segments { get; set; } = Enum.GetValues<SegmentDimension>();

    /// <summary>The smallest sample (a segment's rate denominators) a diagnostic may fire on. Defaults to 30.</summary>
    public int DiagnosticMinimumSample { get; set; } = 30;

    /// <summary>The longest business-day window accepted (about ten years), so window ends stay representable.</summary>
    internal const int MaximumBusinessDays = 2600;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        RequirePositive(FcrWindow, nameof(FcrWindow));
        RequirePositive(DeflectionWindow, nameof(DeflectionWindow));
        RequirePositive(NiaWindow, nameof(NiaWindow));
        if (FcrBusinessDays is { } days && (days <= 0 || days > MaximumBusinessDays))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(FcrBusinessDays)} must be between 1 and {MaximumBusinessDays} (was {days})."),
                nameof(FcrBusinessDays));
        }

        if (DiagnosticMinimumSample < 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(DiagnosticMinimumSample)} must be at least 1 (was {DiagnosticMinimumSample})."),
                nameof(DiagnosticMinimumSample));
        }

        if (Segments is null)
        {
            throw new ArgumentException($"{SectionName}:{nameof(Segments)} must not be null; use an empty list for no segments.", nameof(Segments));
        }

        foreach (var dimension in Segments)
        {
            if (!Enum.IsDefined(dimension))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(Segments)} contains an unknown dimension ({(int)dimension})."),
                    nameof(Segments));
            }
        }
    }

    private static void RequirePositive(TimeSpan window, string name)
    {
        // An upper bound keeps "timestamp + window" inside DateTimeOffset's range.
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(36500))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} must be positive and at most 100 years (was {window})."),
                name);
        }
    }
}
