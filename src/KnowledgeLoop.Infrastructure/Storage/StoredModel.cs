namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>A model kept in the store: its name, kind (such as "lsa"), when it was saved, and its serialized bytes.</summary>
public sealed record StoredModel(string Name, string Kind, DateTimeOffset CreatedAt, byte[] Data);
