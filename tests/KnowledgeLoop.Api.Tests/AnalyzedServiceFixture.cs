using System.Text.Json;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Api.Tests;

/// <summary>
/// One service over a small generated data set (2,000 tickets, the demo's topics and articles), analyzed once through
/// the API and shared by the read tests, so the suite pays for one analysis.
/// </summary>
public sealed class AnalyzedServiceFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kl-api-fixture-" + Guid.NewGuid().ToString("N"));

    /// <summary>The host.</summary>
    public KnowledgeLoopApiFactory Factory { get; private set; } = null!;

    /// <summary>A client sending the API key.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The generated data set.</summary>
    public SampleDataResult Data { get; private set; } = null!;

    /// <summary>The succeeded analysis.</summary>
    public string AnalysisId { get; private set; } = null!;

    /// <summary>Its status document.</summary>
    public JsonElement AnalysisStatus { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Data = new SampleDataGenerator(new SampleDataOptions { Seed = 11, Tickets = 2_000 }).Generate(Path.Combine(_folder, "data"));
        var storePath = Path.Combine(_folder, "store.db");
        using (var store = KnowledgeStore.Open(storePath))
        {
            var importer = new StoreImporter(store);
            var options = new ImportOptions();
            Assert.True((await importer.ImportTicketsAsync(Data.TicketsPath, options)).Committed);
            Assert.True((await importer.ImportArticlesAsync(Data.ArticlesDirectory, options)).Committed);
            Assert.True((await importer.ImportSessionsAsync(Data.SessionsPath, options)).Committed);
        }

        Factory = new KnowledgeLoopApiFactory(storePath);
        Client = Factory.CreateKeyedClient();
        AnalysisId = await AnalysisPolling.StartAsync(Client, """{"seed":42}""");
        AnalysisStatus = await AnalysisPolling.WaitForAsync(Client, AnalysisId, TimeSpan.FromMinutes(3), "succeeded", "failed", "cancelled");
        Assert.Equal("succeeded", AnalysisStatus.GetProperty("status").GetString());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
