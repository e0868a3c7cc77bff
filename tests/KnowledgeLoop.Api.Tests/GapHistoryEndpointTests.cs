using System.Net;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Api.Tests;

/// <summary>Two analyses through the service on one store: the gaps keep their ids and each has a two-run history.</summary>
public sealed class GapHistoryEndpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kl-api-history-" + Guid.NewGuid().ToString("N"));

    private async Task<string> StoreAsync()
    {
        Directory.CreateDirectory(_folder);
        var data = new SampleDataGenerator(new SampleDataOptions { Seed = 5, Tickets = 1_500 }).Generate(Path.Combine(_folder, "data"));
        var storePath = Path.Combine(_folder, "store.db");
        using (var store = KnowledgeStore.Open(storePath))
        {
            var importer = new StoreImporter(store);
            Assert.True((await importer.ImportTicketsAsync(data.TicketsPath, new ImportOptions())).Committed);
            Assert.True((await importer.ImportArticlesAsync(data.ArticlesDirectory, new ImportOptions())).Committed);
        }

        return storePath;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    private static async Task<List<JsonElement>> AnalyzeAsync(HttpClient client)
    {
        var id = await AnalysisPolling.StartAsync(client, """{"seed":42}""");
        var status = await AnalysisPolling.WaitForAsync(client, id, TimeSpan.FromMinutes(3), "succeeded", "failed", "cancelled");
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        using var response = await client.GetAsync(new Uri("/api/gaps", UriKind.Relative));
        var list = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(id, list.GetProperty("analysis_id").GetString());
        return [.. list.GetProperty("gaps").EnumerateArray()];
    }

    [Fact]
    public async Task History_TwoRunsOnOneStore_KeepIdsAndListBothRunsOldestFirst()
    {
        await using var factory = new KnowledgeLoopApiFactory(await StoreAsync());
        using var client = factory.CreateKeyedClient();
        var first = await AnalyzeAsync(client);
        var second = await AnalyzeAsync(client);

        Assert.NotEmpty(first);
        Assert.All(first, g => Assert.Equal("new", g.GetProperty("lineage").GetProperty("status").GetString()));
        Assert.Equal(first.Select(g => g.GetProperty("id").GetString()), second.Select(g => g.GetProperty("id").GetString()));
        Assert.All(second, g =>
        {
            var lineage = g.GetProperty("lineage");
            Assert.Equal("continued", lineage.GetProperty("status").GetString());
            Assert.Equal(g.GetProperty("id").GetString(), lineage.GetProperty("previous_id").GetString());
            Assert.Equal(2, lineage.GetProperty("runs").GetInt32());
        });

        var gap = second[0];
        using var response = await client.GetAsync(new Uri($"/api/gaps/{gap.GetProperty("id").GetString()}/history", UriKind.Relative));
        var history = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var runs = history.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.True(string.CompareOrdinal(runs[0].GetProperty("run_id").GetString(), runs[1].GetProperty("run_id").GetString()) < 0);
        Assert.Equal(["new", "continued"], runs.Select(r => r.GetProperty("lineage").GetProperty("status").GetString()));
        Assert.All(runs, r =>
        {
            Assert.Equal(gap.GetProperty("failure_count").GetInt64(), r.GetProperty("failures").GetInt64());
            Assert.Equal(gap.GetProperty("ticket_count").GetInt64(), r.GetProperty("tickets").GetInt64());
            Assert.Equal(gap.GetProperty("type").GetString(), r.GetProperty("type").GetString());
            Assert.Equal(gap.GetProperty("fcr").GetProperty("rate").GetDouble(), r.GetProperty("fcr").GetDouble(), 9);
        });

        using var unknown = await client.GetAsync(new Uri("/api/gaps/gap-never-seen/history", UriKind.Relative));
        var problem = await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Contains("gap-never-seen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
