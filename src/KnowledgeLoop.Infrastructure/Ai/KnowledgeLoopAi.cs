using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Prompts;
using KnowledgeLoop.Infrastructure.Qdrant;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// The configured AI for a gap analysis, shared by the CLI and the HTTP service: it runs
/// <see cref="GapAnalyzer"/> with the chosen embedder and vector store, lets the chat model narrate the gaps, and
/// records in the report what was used (<see cref="AiDocument"/>). With the defaults it runs the offline path exactly
/// as <see cref="GapAnalyzer.AnalyzeAsync"/> does.
/// </summary>
public sealed class KnowledgeLoopAi : IDisposable
{
    /// <summary>The Qdrant vector space holding article chunks.</summary>
    public const string ChunkSpace = "chunks";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private PromptLibrary? _prompts;

    /// <summary>The AI for validated options; <paramref name="http"/> (for Qdrant) is created when not given.</summary>
    public KnowledgeLoopAi(AiOptions ai, OpenAiOptions openAi, QdrantOptions qdrant, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(ai);
        ArgumentNullException.ThrowIfNull(openAi);
        ArgumentNullException.ThrowIfNull(qdrant);
        ai.Validate(openAi, qdrant);
        Options = ai;
        OpenAi = openAi;
        Qdrant = qdrant;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The choices.</summary>
    public AiOptions Options { get; }

    /// <summary>The OpenAI-compatible endpoint's settings.</summary>
    public OpenAiOptions OpenAi { get; }

    /// <summary>Qdrant's settings.</summary>
    public QdrantOptions Qdrant { get; }

    /// <summary>Whether text leaves the process for an embedding or chat endpoint.</summary>
    public bool SendsText => Options.RemoteEmbedder || Options.RemoteChat;

    /// <summary>Whether text is redacted before it is sent (on by default for a non-loopback endpoint).</summary>
    public bool Redacts => SendsText && (Options.Redaction ?? !OpenAi.IsLocal);

    /// <summary>The prompts folder (defaults to <see cref="PromptLibrary.DefaultFolder"/>).</summary>
    public string PromptFolder { get; init; } = PromptLibrary.DefaultFolder;

    /// <summary>What the report says about the AI used.</summary>
    public AiDocument Describe() => new()
    {
        RemoteAi = SendsText && !OpenAi.IsLocal,
        Embedder = Options.RemoteEmbedder ? "openai" : "local",
        EmbeddingModel = Options.RemoteEmbedder ? OpenAi.EmbeddingModel : null,
        ChatModel = Options.RemoteChat ? OpenAi.ChatModel : null,
        VectorStore = Options.Qdrant ? "qdrant" : "embedded",
        Redaction = Redacts,
    };

    /// <summary>
    /// Runs the gap analysis with the configured embedder (its vectors cached in <paramref name="cache"/> when given),
    /// the article search in Qdrant when chosen, and the chat model's narration; the report carries <see cref="Describe"/>.
    /// </summary>
    public async Task<AnalysisResult> AnalyzeAsync(
        AnalysisInput input,
        AnalysisOptions options,
        IEmbeddingCache? cache = null,
        IProgress<AnalysisProgress>? progress = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var redactor = Redacts ? new TextRedactor(Options.RedactNames, Options.CustomerIdPattern, input.Tickets.Select(t => t.CustomerId)) : null;
        using var embedder = Options.RemoteEmbedder ? new OpenAiEmbeddingGenerator(OpenAi, redactor, cache ?? new MemoryEmbeddingCache()) : null;
        var index = Options.Qdrant ? new DeferredQdrantIndex(_http, Qdrant, ChunkSpace) : null;
        var result = await GapAnalyzer.AnalyzeAsync(input with { Embedder = embedder, ArticleIndex = index }, options, progress, time, cancellationToken);
        var report = result.Report;
        if (Options.RemoteChat)
        {
            using var chat = new OpenAiChatClient(OpenAi, redactor);
            _prompts ??= PromptLibrary.Load(PromptFolder);
            report = await new GapNarrator(chat, _prompts, Options.NarratedGaps, Options.BorderlineMargin).NarrateAsync(report, cancellationToken);
        }

        return result with { Report = report with { Ai = Describe() } };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
