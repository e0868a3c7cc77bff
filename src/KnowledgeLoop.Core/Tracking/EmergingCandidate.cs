namespace KnowledgeLoop.Core.Tracking;

/// <summary>A failure imported since the run that fits no gap, as <see cref="EmergingGapDetector"/> reads it.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Text">The text the analysis embeds (<c>GapAnalyzer.TicketText</c>).</param>
/// <param name="CreatedAt">When the ticket was opened (the most recent candidates are kept when there are too many).</param>
public sealed record EmergingCandidate(string TicketId, string Text, DateTimeOffset CreatedAt);
