using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Tests.Qdrant;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>The gap analysis with a remote embedder instead of the local LSA model (the in-test OpenAI-compatible server).</summary>
public sealed class RemoteEmbedderAnalysisTests
{
    [Fact]
    public async Task Analyze_RemoteEmbedder_EmbedsEverythingRemotelyAndARerunIsServedFromTheCache()
    {
        await using var server = await FakeOpenAiServer.StartAsync(dimensions: 16);
        var demo = await DemoData.LoadInputAsync();
        var input = new AnalysisInput([.. demo.Tickets.Take(600)], demo.Articles, [.. demo.Sessions.Take(200)]);
        var cache = new MemoryEmbeddingCache();
        var options = new OpenAiOptions
        {
            Endpoint = server.Endpoint,
            ApiKey = server.ApiKey,
            EmbeddingModel = "nomic-embed-text",
            DocumentPrefix = "search_document: ",
            QueryPrefix = "search_query: ",
            BatchSize = 256,
            RetryDelay = TimeSpan.Zero,
        };

        using var first = new OpenAiEmbeddingGenerator(options, cache: cache);
        var result = await GapAnalyzer.AnalyzeAsync(input with { Embedder = first }, new AnalysisOptions { Clusters = 4 });
        using var second = new OpenAiEmbeddingGenerator(options, cache: cache);
        var again = await GapAnalyzer.AnalyzeAsync(input with { Embedder = second }, new AnalysisOptions { Clusters = 4 });

        Assert.Null(result.Model);
        Assert.Equal("nomic-embed-text", result.Report.Analysis!.Embedder);
        Assert.Equal(16, result.Report.Analysis.Dimensions);
        Assert.Equal(input.Tickets.Count, result.TicketVectors.Rows);
        var inputs = server.Embeddings.SelectMany(r => JsonNode.Parse(r.Body)!["input"]!.AsArray().Select(x => x!.GetValue<string>())).ToList();
        Assert.Contains(inputs, t => t.StartsWith("search_query: ", StringComparison.Ordinal));
        Assert.All(inputs, t => Assert.True(t.StartsWith("search_document: ", StringComparison.Ordinal) || t.StartsWith("search_query: ", StringComparison.Ordinal), t));
        Assert.True(first.Requests > 0);
        Assert.Equal(0, second.Requests);
        Assert.Equal(JsonSerializer.Serialize(result.Report.Gaps, ReportJson.Options), JsonSerializer.Serialize(again.Report.Gaps, ReportJson.Options));
        Assert.Empty(server.Violations);
    }
}
