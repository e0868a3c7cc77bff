namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// An OpenAI-compatible endpoint (OpenAI, Azure OpenAI's /openai/v1, Ollama, vLLM, LM Studio) for embeddings and
/// chat, used when <c>Ai:Embedder</c> or <c>Ai:Chat</c> is <c>openai</c>.
/// </summary>
public sealed class OpenAiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OpenAi";

    /// <summary>The base address ending in <c>/v1</c>, e.g. <c>http://localhost:11434/v1</c>. Defaults to OpenAI's.</summary>
    public Uri Endpoint { get; set; } = new("https://api.openai.com/v1");

    /// <summary>The API key (local servers accept any value). Defaults to none, sent as "unused".</summary>
    public string? ApiKey { get; set; }

    /// <summary>The embedding model, e.g. <c>nomic-embed-text</c> or <c>text-embedding-3-small</c>. No default.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Requested embedding length (Matryoshka models); every returned vector must have it. Defaults to the model's own.</summary>
    public int? EmbeddingDimensions { get; set; }

    /// <summary>Put before every indexed text (nomic: <c>"search_document: "</c>). Defaults to none.</summary>
    public string? DocumentPrefix { get; set; }

    /// <summary>Put before every query text (nomic: <c>"search_query: "</c>). Defaults to none.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Texts per embeddings request. Defaults to 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>The chat model, e.g. <c>llama3.2:3b</c> or <c>gpt-4o-mini</c>. No default.</summary>
    public string? ChatModel { get; set; }

    /// <summary>Retries of a request that failed transiently (429, 5xx, network). Defaults to 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay, doubled (with jitter) each time; a Retry-After header wins. Defaults to 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one request. Defaults to 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Whether the endpoint is this machine (loopback): redaction is then off unless asked for.</summary>
    public bool IsLocal => Endpoint.IsLoopback;

    /// <summary>Checks the options for the parts in use; throws <see cref="ArgumentException"/> naming the setting.</summary>
    public void Validate(bool embeddings, bool chat)
    {
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{SectionName}:Endpoint must be an absolute http(s) address ending in /v1.");
        }

        if (embeddings && string.IsNullOrWhiteSpace(EmbeddingModel))
        {
            throw new ArgumentException($"Ai:Embedder is 'openai' but {SectionName}:EmbeddingModel is not set (e.g. nomic-embed-text).");
        }

        if (chat && string.IsNullOrWhiteSpace(ChatModel))
        {
            throw new ArgumentException($"Ai:Chat is 'openai' but {SectionName}:ChatModel is not set (e.g. llama3.2:3b).");
        }

        if (EmbeddingDimensions is < 1 or > 16_384)
        {
            throw new ArgumentException($"{SectionName}:EmbeddingDimensions must be between 1 and 16384.");
        }

        if (BatchSize is < 1 or > 2048)
        {
            throw new ArgumentException($"{SectionName}:BatchSize must be between 1 and 2048 (OpenAI's limit per request).");
        }

        if (MaxRetries is < 0 or > 10 || RetryDelay < TimeSpan.Zero || Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}: MaxRetries must be 0..10, RetryDelay not negative and Timeout positive.");
        }
    }
}
