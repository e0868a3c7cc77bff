namespace KnowledgeLoop.Infrastructure.Prompts;

/// <summary>The prompt files of a folder (<c>prompts/*.yaml</c>), by name.</summary>
public sealed class PromptLibrary
{
    private readonly Dictionary<string, PromptTemplate> _prompts;

    private PromptLibrary(Dictionary<string, PromptTemplate> prompts) => _prompts = prompts;

    /// <summary>The folder the build copies the prompts to, next to the program.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "prompts");

    /// <summary>Every prompt, by name.</summary>
    public IReadOnlyDictionary<string, PromptTemplate> Prompts => _prompts;

    /// <summary>Loads every <c>*.yaml</c> in <paramref name="folder"/> (default: <see cref="DefaultFolder"/>).</summary>
    public static PromptLibrary Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        if (!Directory.Exists(folder))
        {
            throw new PromptException($"The prompts folder {folder} does not exist.");
        }

        var prompts = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var prompt = PromptTemplate.Load(file);
            if (!prompts.TryAdd(prompt.Name, prompt))
            {
                throw new PromptException($"Two prompt files in {folder} are named '{prompt.Name}'.");
            }
        }

        return new PromptLibrary(prompts);
    }

    /// <summary>The prompt named <paramref name="name"/>.</summary>
    public PromptTemplate Get(string name) =>
        _prompts.TryGetValue(name, out var prompt) ? prompt : throw new PromptException($"There is no prompt named '{name}'.");
}
