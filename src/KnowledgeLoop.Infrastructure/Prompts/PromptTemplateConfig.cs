namespace KnowledgeLoop.Infrastructure.Prompts;

/// <summary>A prompt file in Semantic Kernel's single-file YAML shape (<c>PromptTemplateConfig</c>).</summary>
public sealed class PromptTemplateConfig
{
    /// <summary>The prompt's name (the file name without extension by convention).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What the prompt does.</summary>
    public string? Description { get; set; }

    /// <summary>The template language; only <c>handlebars</c> is supported.</summary>
    public string TemplateFormat { get; set; } = "handlebars";

    /// <summary>The template: <c>&lt;message role="..."&gt;</c> blocks, or plain text sent as one user message.</summary>
    public string Template { get; set; } = string.Empty;

    /// <summary>The variables the template uses.</summary>
    public List<PromptInputVariable> InputVariables { get; set; } = [];

    /// <summary>Settings by service id; <c>default</c> applies to every model (temperature, max_tokens, response_format, seed).</summary>
    public Dictionary<string, Dictionary<string, object>> ExecutionSettings { get; set; } = [];
}
