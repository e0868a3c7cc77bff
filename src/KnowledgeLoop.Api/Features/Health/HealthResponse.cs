namespace KnowledgeLoop.Api.Features.Health;

/// <summary>The liveness answer.</summary>
internal sealed record HealthResponse(string Status);
