using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>The AI configuration: its defaults, its binding, and the combinations refused at start.</summary>
public sealed class AiOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void AddKnowledgeLoopAi_NoConfiguration_IsTheOfflinePath()
    {
        using var provider = new ServiceCollection().AddKnowledgeLoopAi(Configuration()).BuildServiceProvider();

        var ai = provider.GetRequiredService<KnowledgeLoopAi>();

        Assert.False(ai.SendsText);
        Assert.False(ai.Redacts);
        Assert.Equal(new Core.Reports.AiDocument { RemoteAi = false, Embedder = "local", VectorStore = "embedded", Redaction = false }, ai.Describe());
    }

    [Fact]
    public void AddKnowledgeLoopAi_FullRemoteConfiguration_BindsEverySection()
    {
        var configuration = Configuration(
            ("Ai:Embedder", "openai"), ("Ai:Chat", "openai"), ("Ai:VectorStore", "qdrant"), ("Ai:RedactNames:0", "Ana Lopez"),
            ("OpenAi:Endpoint", "https://llm.example.com/v1"), ("OpenAi:EmbeddingModel", "text-embedding-3-small"), ("OpenAi:EmbeddingDimensions", "512"),
            ("OpenAi:ChatModel", "gpt-4o-mini"), ("OpenAi:RetryDelay", "00:00:02"),
            ("Qdrant:Url", "http://qdrant:6333"), ("Qdrant:ApiKey", "secret"), ("Qdrant:ScalarQuantization", "true"));
        using var provider = new ServiceCollection().AddKnowledgeLoopAi(configuration).BuildServiceProvider();

        var ai = provider.GetRequiredService<KnowledgeLoopAi>();

        Assert.Equal(512, ai.OpenAi.EmbeddingDimensions);
        Assert.Equal(TimeSpan.FromSeconds(2), ai.OpenAi.RetryDelay);
        Assert.Equal(new Uri("http://qdrant:6333"), provider.GetRequiredService<QdrantOptions>().Url);
        Assert.True(ai.Qdrant.ScalarQuantization);
        Assert.Equal(["Ana Lopez"], ai.Options.RedactNames);
        Assert.Equal(
            new Core.Reports.AiDocument { RemoteAi = true, Embedder = "openai", EmbeddingModel = "text-embedding-3-small", ChatModel = "gpt-4o-mini", VectorStore = "qdrant", Redaction = true },
            ai.Describe());
    }

    [Fact]
    public void Describe_LoopbackEndpoint_IsNotRemoteAndRedactsOnlyWhenAsked()
    {
        (string, string)[] settings = [("Ai:Embedder", "openai"), ("OpenAi:Endpoint", "http://localhost:11434/v1"), ("OpenAi:EmbeddingModel", "nomic-embed-text")];
        var (ai, openAi, qdrant) = AiServiceCollectionExtensions.Bind(Configuration(settings));
        using var local = new KnowledgeLoopAi(ai, openAi, qdrant);
        var (asked, _, _) = AiServiceCollectionExtensions.Bind(Configuration([.. settings, ("Ai:Redaction", "true")]));
        using var redacting = new KnowledgeLoopAi(asked, openAi, qdrant);

        Assert.False(local.Describe().RemoteAi);
        Assert.False(local.Redacts);
        Assert.True(redacting.Redacts);
    }

    [Theory]
    [InlineData("Ai:Embedder", "ollama", null, null, "Ai:Embedder must be 'local' or 'openai', not 'ollama'.")]
    [InlineData("Ai:Chat", "openai", null, null, "Ai:Chat is 'openai' but OpenAi:ChatModel is not set")]
    [InlineData("Ai:Embedder", "openai", null, null, "Ai:Embedder is 'openai' but OpenAi:EmbeddingModel is not set")]
    [InlineData("Ai:VectorStore", "qdrant", null, null, "Qdrant:Url must be an absolute http(s) address")]
    [InlineData("OpenAi:QueryPrefix", "search_query: ", null, null, "are for a remote embedder but Ai:Embedder is 'local'")]
    [InlineData("Ai:Chat", "openai", "OpenAi:ChatModel", "llama3.2", null)]
    [InlineData("Ai:VectorStore", "Milvus", null, null, "Ai:VectorStore must be 'embedded' or 'qdrant', not 'Milvus'.")]
    [InlineData("Ai:CustomerIdPattern", "(unclosed", null, null, "Ai:CustomerIdPattern is not a valid regular expression")]
    public void AddKnowledgeLoopAi_InvalidCombination_FailsAtStartNamingTheSetting(string key, string value, string? key2, string? value2, string? message)
    {
        var pairs = new List<(string, string)> { (key, value) };
        if (key2 is not null)
        {
            pairs.Add((key2, value2!));
        }

        var services = new ServiceCollection();
        if (message is null)
        {
            services.AddKnowledgeLoopAi(Configuration([.. pairs]));
            return;
        }

        var error = Assert.Throws<ArgumentException>(() => services.AddKnowledgeLoopAi(Configuration([.. pairs])));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
