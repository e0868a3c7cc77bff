using System.Globalization;

namespace KnowledgeLoop.Samples;

/// <summary>What to generate. The defaults produce the committed demo set in <c>samples/demo</c>.</summary>
public sealed class SampleDataOptions
{
    /// <summary>Total tickets (first contacts and follow-ups) written to tickets.csv. Defaults to 6,000.</summary>
    public int Tickets { get; set; } = 6_000;

    /// <summary>Seed of the generator; same seed and options give byte-identical files. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Length of the period in calendar months. Defaults to 5.</summary>
    public int Months { get; set; } = 5;

    /// <summary>First day of the period (UTC). Defaults to 2026-05-01.</summary>
    public DateOnly Start { get; set; } = new(2026, 5, 1);

    /// <summary>Customer contacts; null picks max(300, tickets / 2.5). Defaults to null.</summary>
    public int? Customers { get; set; }

    /// <summary>First day after the period.</summary>
    public DateOnly End => Start.AddMonths(Months);

    /// <summary>The contact count actually used.</summary>
    public int EffectiveCustomers => Customers ?? Math.Max(300, (int)(Tickets / 2.5));

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when an option is out of range.</summary>
    public void Validate()
    {
        if (Tickets < 100)
        {
            throw new ArgumentException($"tickets must be at least 100 (got {Tickets.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (Months is < 1 or > 60)
        {
            throw new ArgumentException($"months must be between 1 and 60 (got {Months.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (Customers is < 20)
        {
            throw new ArgumentException("customers must be at least 20.");
        }

        if ((End.DayNumber - Start.DayNumber) < 28)
        {
            throw new ArgumentException("the period must span at least 28 days.");
        }
    }
}
