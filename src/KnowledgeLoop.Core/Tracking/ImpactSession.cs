namespace KnowledgeLoop.Core.Tracking;

/// <summary>A self-service session whose query fell into a gap, judged for deflection (see <c>KnowledgeDeflection</c>).</summary>
/// <param name="StartedAt">When the session started.</param>
/// <param name="Mature">Whether its deflection window had passed by as_of.</param>
/// <param name="Deflected">Whether no ticket from the customer followed within the window.</param>
public readonly record struct ImpactSession(DateTimeOffset StartedAt, bool Mature, bool Deflected);
