namespace KnowledgeLoop.Infrastructure.Prompts;

/// <summary>A prompt file is malformed, or rendering it lacked a required variable.</summary>
public sealed class PromptException : Exception
{
    /// <summary>An error.</summary>
    public PromptException()
    {
    }

    /// <summary>An error with a message.</summary>
    public PromptException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message and its cause.</summary>
    public PromptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
