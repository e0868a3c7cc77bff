namespace KnowledgeLoop.Core.Tracking;

/// <summary>One path out of a gap: how many of its source tickets were followed, within the NIA window, by a ticket in <see cref="Gap"/>.</summary>
/// <param name="Gap">The target gap's index, or <see cref="NextIssuePaths.Unclustered"/> for tickets in no gap.</param>
/// <param name="Tickets">Source tickets with at least one such next ticket (each source counted once per target).</param>
public sealed record NextIssueTarget(int Gap, int Tickets);
