namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>A remote embedder failed or answered with something unusable (wrong count, index or dimension).</summary>
public sealed class EmbeddingException : Exception
{
    /// <summary>An error.</summary>
    public EmbeddingException()
    {
    }

    /// <summary>An error with a message.</summary>
    public EmbeddingException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message and its cause.</summary>
    public EmbeddingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
