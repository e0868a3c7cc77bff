namespace KnowledgeLoop.Infrastructure.Prompts;

/// <summary>One of a prompt file's <c>input_variables</c> (Semantic Kernel's <c>InputVariable</c> shape).</summary>
public sealed class PromptInputVariable
{
    /// <summary>The variable's name as the template uses it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What it holds.</summary>
    public string? Description { get; set; }

    /// <summary>Whether rendering fails without it. Defaults to true.</summary>
    public bool IsRequired { get; set; } = true;

    /// <summary>The value used when it is not given.</summary>
    public object? Default { get; set; }
}
