namespace KnowledgeLoop.Core.Vectors;

/// <summary>One vector to store: a string id (ticket or chunk id), the vector and its payload.</summary>
public sealed record VectorPoint(string Id, ReadOnlyMemory<float> Vector, VectorPayload Payload);
