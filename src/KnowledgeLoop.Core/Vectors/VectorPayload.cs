namespace KnowledgeLoop.Core.Vectors;

/// <summary>What a stored vector carries for filtering and display (a Qdrant payload in the remote index).</summary>
public sealed record VectorPayload
{
    /// <summary>An empty payload.</summary>
    public static VectorPayload Empty { get; } = new();

    /// <summary>The ticket's or article's category, if any.</summary>
    public string? Category { get; init; }

    /// <summary>When the ticket or article was created, if known.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The outcome of the ticket (such as "resolved-first-contact" or "reopened"), if any.</summary>
    public string? Outcome { get; init; }
}
