using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>A gap's rates over [<paramref name="From"/>, <paramref name="To"/>), counting only mature outcomes.</summary>
/// <param name="From">Start (inclusive).</param>
/// <param name="To">End (exclusive).</param>
/// <param name="Fcr">FCR of the mature first contacts created in the window.</param>
/// <param name="ReopenRate">Reopened ÷ resolved mature tickets created in the window.</param>
/// <param name="DeflectionRate">Deflection of the mature sessions started in the window; null without sessions.</param>
/// <param name="NiaRate">Next-issue avoidance of the NIA-mature resolved tickets created in the window.</param>
/// <param name="ImmatureFirstContacts">First contacts created in the window whose FCR window is still open (not counted).</param>
public sealed record ImpactWindow(DateTimeOffset From, DateTimeOffset To, Rate? Fcr, Rate? ReopenRate, Rate? DeflectionRate, Rate? NiaRate, long ImmatureFirstContacts);
