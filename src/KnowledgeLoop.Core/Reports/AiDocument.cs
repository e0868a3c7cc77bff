namespace KnowledgeLoop.Core.Reports;

/// <summary>report.json "ai": what AI the run used, so a reader knows whether text left the machine.</summary>
public sealed record AiDocument
{
    /// <summary>Whether any text was sent to a remote (non-loopback) embedding or chat endpoint.</summary>
    public required bool RemoteAi { get; init; }

    /// <summary>The embedder: "local" (the offline LSA embedder) or "openai".</summary>
    public required string Embedder { get; init; }

    /// <summary>The remote embedding model, when one was used.</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>The chat model that named gaps and drafted outlines, when one was used.</summary>
    public string? ChatModel { get; init; }

    /// <summary>Where vectors were searched: "embedded" or "qdrant".</summary>
    public required string VectorStore { get; init; }

    /// <summary>Whether e-mails, phones, card numbers, customer ids and listed names were masked before sending.</summary>
    public required bool Redaction { get; init; }
}
