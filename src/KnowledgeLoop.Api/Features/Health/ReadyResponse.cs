namespace KnowledgeLoop.Api.Features.Health;

/// <summary>The readiness answer.</summary>
internal sealed record ReadyResponse(string Status, string Store, string Model);
