namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Thresholds of <c>GapMatcher</c>, which matches a run's gaps to the previous run's so a gap keeps its id. Member
/// overlap is measured on ticket ids (they persist across runs); centroid similarity is the cosine of the two gaps'
/// centroids in the new run's embedding space.
/// </summary>
public sealed class GapMatchingOptions
{
    /// <summary>The configuration section (under <c>Analysis</c>).</summary>
    public const string SectionName = "Tracking";

    /// <summary>
    /// A previous gap and a new one can be the same gap only when their centroids are at least this similar (cosine).
    /// Defaults to 0.6: the same topic re-clustered with another seed lies above 0.9, different topics of the sample
    /// data below 0.5 (clusters at 0.35 and above are merged within a run).
    /// </summary>
    public double MinimumCentroidSimilarity { get; set; } = 0.6;

    /// <summary>
    /// ... and only when their member overlap (Jaccard over the tickets the previous run had in any gap) is at least
    /// this. Defaults to 0.3: low enough for a gap that grew or lost a fringe, high enough that a fragment is no match.
    /// </summary>
    public double MinimumMemberOverlap { get; set; } = 0.3;

    /// <summary>
    /// The weight of centroid similarity in the score that orders candidate pairs (the rest is member overlap).
    /// Defaults to 0.5.
    /// </summary>
    public double CentroidWeight { get; set; } = 0.5;

    /// <summary>
    /// A new gap that got no id of its own is a split of a previous gap when it holds at least this share of that
    /// previous gap's members (and that gap continued as another new gap). Defaults to 0.2.
    /// </summary>
    public double SplitShare { get; set; } = 0.2;

    /// <summary>
    /// A new gap absorbed a previous gap (merged) when it holds at least this share of that previous gap's members and
    /// that gap continued nowhere else. Defaults to 0.5.
    /// </summary>
    public double MergeShare { get; set; } = 0.5;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the setting.</summary>
    public void Validate()
    {
        Check(MinimumCentroidSimilarity, -1, 1, nameof(MinimumCentroidSimilarity));
        Check(MinimumMemberOverlap, 0, 1, nameof(MinimumMemberOverlap));
        Check(CentroidWeight, 0, 1, nameof(CentroidWeight));
        Check(SplitShare, 0, 1, nameof(SplitShare));
        Check(MergeShare, 0, 1, nameof(MergeShare));
    }

    private static void Check(double value, double low, double high, string name)
    {
        if (double.IsNaN(value) || value < low || value > high)
        {
            throw new ArgumentException($"Analysis:{SectionName}:{name} must lie in [{low}, {high}].", name);
        }
    }
}
