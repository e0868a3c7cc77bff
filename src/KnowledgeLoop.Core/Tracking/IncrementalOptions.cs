namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Incremental assignment of tickets imported after a run (<c>IncrementalAssigner</c>) and the <c>emerging</c>
/// provisional gaps raised from the failures that fit no gap (<see cref="EmergingGapDetector"/>).
/// </summary>
public sealed class IncrementalOptions
{
    /// <summary>The configuration section (under <c>KnowledgeLoop</c>).</summary>
    public const string SectionName = "Incremental";

    /// <summary>Assign imported tickets to the latest run's gaps at import. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// An emerging gap needs at least this many unassigned failures in one dense group. Defaults to 5, the analysis's
    /// own minimum cluster size.
    /// </summary>
    public int MinimumClusterSize { get; set; } = 5;

    /// <summary>
    /// Two unassigned failures are neighbours when the cosine of their TF-IDF vectors (stemmed words and bigrams, new
    /// words included) is at least this. Defaults to 0.3: tickets about one topic share their key words and lie above
    /// it; unrelated tickets share little more than generic words and lie below 0.1.
    /// </summary>
    public double NeighbourSimilarity { get; set; } = 0.3;

    /// <summary>
    /// At most this many unassigned failures (the most recent) are grouped, so the pairwise comparison stays cheap.
    /// Defaults to 3000.
    /// </summary>
    public int MaximumCandidates { get; set; } = 3000;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the setting.</summary>
    public void Validate()
    {
        if (MinimumClusterSize < 2)
        {
            throw new ArgumentException($"{SectionName}:{nameof(MinimumClusterSize)} must be at least 2.", nameof(MinimumClusterSize));
        }

        if (double.IsNaN(NeighbourSimilarity) || NeighbourSimilarity is <= 0 or > 1)
        {
            throw new ArgumentException($"{SectionName}:{nameof(NeighbourSimilarity)} must lie in (0, 1].", nameof(NeighbourSimilarity));
        }

        if (MaximumCandidates < MinimumClusterSize)
        {
            throw new ArgumentException($"{SectionName}:{nameof(MaximumCandidates)} must be at least {nameof(MinimumClusterSize)}.", nameof(MaximumCandidates));
        }
    }
}
