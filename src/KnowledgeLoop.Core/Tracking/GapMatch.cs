namespace KnowledgeLoop.Core.Tracking;

/// <summary>A new gap's stable id and lineage, as <see cref="GapMatcher"/> decided.</summary>
/// <param name="Id">The id the gap carries in this run: a previous gap's (continued, merged) or a new one (new, split).</param>
/// <param name="Lineage">How it relates to the previous run's gaps.</param>
public sealed record GapMatch(string Id, GapLineage Lineage);
