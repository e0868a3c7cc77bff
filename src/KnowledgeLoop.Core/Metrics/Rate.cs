namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// A proportion with its counts and a Wilson score 95% interval (z = 1.959964), so a rate from a small
/// segment shows how little it proves.
/// </summary>
/// <param name="Numerator">The cases that count (0 ≤ numerator ≤ denominator).</param>
/// <param name="Denominator">The cases considered (&gt; 0).</param>
public sealed record Rate(long Numerator, long Denominator)
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double WilsonZ = 1.959964;

    /// <summary>The cases that count.</summary>
    public long Numerator { get; } = Numerator >= 0 && Numerator <= Denominator
        ? Numerator
        : throw new ArgumentOutOfRangeException(nameof(Numerator), Numerator, "The numerator must be between 0 and the denominator.");

    /// <summary>The cases considered.</summary>
    public long Denominator { get; } = Denominator > 0
        ? Denominator
        : throw new ArgumentOutOfRangeException(nameof(Denominator), Denominator, "The denominator must be positive; use Rate.Of for a rate that may not exist.");

    /// <summary>Numerator ÷ denominator, 0..1.</summary>
    public double Value => (double)Numerator / Denominator;

    /// <summary>The lower end of the Wilson 95% interval.</summary>
    public double CiLow => Wilson(Numerator, Denominator).Low;

    /// <summary>The upper end of the Wilson 95% interval.</summary>
    public double CiHigh => Wilson(Numerator, Denominator).High;

    /// <summary>The rate, or null when the denominator is 0 (not computable, which is not the same as 0%).</summary>
    public static Rate? Of(long numerator, long denominator) => denominator == 0 ? null : new Rate(numerator, denominator);

    private static (double Low, double High) Wilson(long successes, long trials)
    {
        double n = trials;
        var p = successes / n;
        const double z2 = WilsonZ * WilsonZ;
        var scale = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / scale;
        var half = WilsonZ * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / scale;

        // The exact ends at p = 0 and p = 1 are 0 and 1; clamping keeps rounding from leaving [0, 1] or crossing p.
        var low = successes == 0 ? 0 : Math.Clamp(center - half, 0, p);
        var high = successes == trials ? 1 : Math.Clamp(center + half, p, 1);
        return (low, high);
    }
}
