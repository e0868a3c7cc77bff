namespace KnowledgeLoop.Core.Vectors;

/// <summary>A search result: the point's id, its score (dot product; cosine for unit vectors) and its payload.</summary>
public sealed record VectorHit(string Id, float Score, VectorPayload Payload);
