namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// One instance per distinct value of a column that repeats (status, channel, category, agent, customer id) while a
/// file or a table is read: a million tickets otherwise hold a million copies of "closed" and of each agent's name,
/// about 400 MB of the 1.5 GB they take. Holds at most <see cref="Capacity"/> values; past that, values pass through.
/// One reader at a time (not thread-safe).
/// </summary>
internal sealed class StringPool(int capacity = StringPool.DefaultCapacity)
{
    /// <summary>The default bound: a million distinct values (about 40 MB of table when full).</summary>
    public const int DefaultCapacity = 1 << 20;

    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    /// <summary>The most distinct values kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>The pooled instance equal to <paramref name="value"/> (null stays null).</summary>
    public string? Get(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        if (_values.Count < Capacity)
        {
            _values.Add(value);
        }

        return value;
    }
}
