namespace KnowledgeLoop.Core.Gaps;

/// <summary>A gap with its rank (1 = the largest expected FCR lift).</summary>
/// <typeparam name="T">Whatever the caller ranks (its gap record).</typeparam>
/// <param name="Rank">1..n.</param>
/// <param name="Gap">The ranked item.</param>
/// <param name="Impact">Its impact, which decided the rank.</param>
public sealed record RankedGap<T>(int Rank, T Gap, GapImpact Impact);
