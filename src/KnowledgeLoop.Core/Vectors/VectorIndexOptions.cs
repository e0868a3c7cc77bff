namespace KnowledgeLoop.Core.Vectors;

/// <summary>Which embedded index <see cref="VectorIndexFactory"/> builds, and the graph index's settings.</summary>
public sealed class VectorIndexOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "VectorIndex";

    /// <summary>
    /// From this many vectors on, the approximate graph index (HNSW) instead of the exact scan: below it a scan costs
    /// well under a millisecond per query and is exact. Defaults to 20,000.
    /// </summary>
    public int HnswThreshold { get; set; } = 20_000;

    /// <summary>The graph index's settings. Defaults to <see cref="HnswOptions"/>' defaults (M 16, efConstruction 200, efSearch 64).</summary>
    public HnswOptions Hnsw { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(HnswThreshold, nameof(HnswThreshold));
        ArgumentNullException.ThrowIfNull(Hnsw, nameof(Hnsw));
        Hnsw.Validate();
    }
}
