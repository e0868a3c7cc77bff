using KnowledgeLoop.Infrastructure.Qdrant;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// Which embedder, chat model and vector store the analysis uses (DESIGN §6–7). The defaults are the offline path:
/// local LSA embedder, no chat model, embedded vector index; nothing leaves the machine.
/// </summary>
public sealed class AiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ai";

    /// <summary><c>local</c> (the offline LSA embedder) or <c>openai</c> (an OpenAI-compatible endpoint, see <see cref="OpenAiOptions"/>). Defaults to local.</summary>
    public string Embedder { get; set; } = "local";

    /// <summary><c>none</c> or <c>openai</c> (names gaps and drafts outlines). Defaults to none.</summary>
    public string Chat { get; set; } = "none";

    /// <summary><c>embedded</c> (in-process exact index) or <c>qdrant</c> (see <see cref="QdrantOptions"/>). Defaults to embedded.</summary>
    public string VectorStore { get; set; } = "embedded";

    /// <summary>Mask e-mails, phones, card numbers, customer ids and listed names before text is sent. Defaults to on for a non-loopback endpoint, off for a local one.</summary>
    public bool? Redaction { get; set; }

    /// <summary>Names (agents, customers) to mask wherever they occur. Defaults to none.</summary>
    public List<string> RedactNames { get; set; } = [];

    /// <summary>A regular expression for customer ids in text; empty turns it off. Defaults to <see cref="TextRedactor.DefaultCustomerIdPattern"/>.</summary>
    public string? CustomerIdPattern { get; set; } = TextRedactor.DefaultCustomerIdPattern;

    /// <summary>How many of the top-ranked gaps the chat model names and outlines. Defaults to 10.</summary>
    public int NarratedGaps { get; set; } = 10;

    /// <summary>A gap whose best article is within this of the similarity threshold gets a second opinion on its type. Defaults to 0.05.</summary>
    public double BorderlineMargin { get; set; } = 0.05;

    /// <summary>Whether the openai embedder is chosen.</summary>
    public bool RemoteEmbedder => string.Equals(Embedder, "openai", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the openai chat model is chosen.</summary>
    public bool RemoteChat => string.Equals(Chat, "openai", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether Qdrant is chosen.</summary>
    public bool Qdrant => string.Equals(VectorStore, "qdrant", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Checks the choices and the settings they need; throws <see cref="ArgumentException"/> with a message that says
    /// which setting to change (configuration keys as in appsettings; environment: <c>KNOWLEDGELOOP__AI__EMBEDDER</c>).
    /// </summary>
    public void Validate(OpenAiOptions openAi, QdrantOptions qdrant)
    {
        ArgumentNullException.ThrowIfNull(openAi);
        ArgumentNullException.ThrowIfNull(qdrant);
        Choice(nameof(Embedder), Embedder, "local", "openai");
        Choice(nameof(Chat), Chat, "none", "openai");
        Choice(nameof(VectorStore), VectorStore, "embedded", "qdrant");
        if (RemoteEmbedder || RemoteChat)
        {
            openAi.Validate(RemoteEmbedder, RemoteChat);
        }

        if (!RemoteEmbedder && (openAi.EmbeddingDimensions is not null || !string.IsNullOrEmpty(openAi.DocumentPrefix) || !string.IsNullOrEmpty(openAi.QueryPrefix)))
        {
            throw new ArgumentException(
                $"{OpenAiOptions.SectionName}:EmbeddingDimensions, DocumentPrefix and QueryPrefix are for a remote embedder but {SectionName}:Embedder is '{Embedder}'. Set {SectionName}:Embedder=openai or remove them.");
        }

        if (Qdrant)
        {
            qdrant.Validate();
        }

        if (RemoteChat && NarratedGaps < 1)
        {
            throw new ArgumentException($"{SectionName}:Chat is 'openai' but {SectionName}:NarratedGaps is {NarratedGaps}: name at least one gap, or set {SectionName}:Chat=none.");
        }

        if (NarratedGaps is < 0 or > 200 || BorderlineMargin is < 0 or > 0.5)
        {
            throw new ArgumentException($"{SectionName}: NarratedGaps must be 0..200 and BorderlineMargin 0..0.5.");
        }

        if (!string.IsNullOrEmpty(CustomerIdPattern))
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(CustomerIdPattern);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"{SectionName}:CustomerIdPattern is not a valid regular expression: {exception.Message}", exception);
            }
        }
    }

    private static void Choice(string name, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{SectionName}:{name} must be {string.Join(" or ", allowed.Select(a => $"'{a}'"))}, not '{value}'.");
        }
    }
}
