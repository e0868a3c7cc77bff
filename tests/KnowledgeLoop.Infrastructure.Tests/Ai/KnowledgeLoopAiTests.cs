using System.Text.Json;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Qdrant;
using KnowledgeLoop.Infrastructure.Tests.Qdrant;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>The composed AI (what the CLI and the API call): remote embedder, chat narration and Qdrant together, against the in-test servers.</summary>
public sealed class KnowledgeLoopAiTests
{
    [Fact]
    public async Task AnalyzeAsync_EverythingRemote_NarratesStoresInQdrantAndSaysSoInTheReport()
    {
        await using var llm = await FakeOpenAiServer.StartAsync(dimensions: 16);
        await using var qdrant = await FakeQdrantServer.StartAsync();
        llm.Reply = messages => messages[0]!["content"]!.GetValue<string>().Contains("name knowledge gaps", StringComparison.Ordinal)
            ? """{"title": "A named gap", "summary": "What customers ask and why it fails."}"""
            : "not json";
        var demo = await DemoData.LoadInputAsync();
        var input = new AnalysisInput([.. demo.Tickets.Take(600)], demo.Articles, []);
        using var ai = new KnowledgeLoopAi(
            new AiOptions { Embedder = "openai", Chat = "openai", VectorStore = "qdrant", Redaction = true, NarratedGaps = 2 },
            new OpenAiOptions { Endpoint = llm.Endpoint, ApiKey = llm.ApiKey, EmbeddingModel = "nomic-embed-text", ChatModel = "llama3.2:3b", RetryDelay = TimeSpan.Zero },
            new QdrantOptions { Url = qdrant.Address, CollectionPrefix = "kl" });

        var result = await ai.AnalyzeAsync(input, new AnalysisOptions { Clusters = 4 });

        var report = result.Report;
        Assert.Equal(new AiDocument { RemoteAi = false, Embedder = "openai", EmbeddingModel = "nomic-embed-text", ChatModel = "llama3.2:3b", VectorStore = "qdrant", Redaction = true }, report.Ai);
        Assert.Equal("A named gap", report.Gaps![0].AiTitle);
        Assert.All(report.Gaps.Skip(2), g => Assert.Null(g.AiTitle));
        // Every other task (outline, second opinion) got "not json" and fell back with its reason.
        var fallbacks = report.Gaps.Take(2).SelectMany(g => g.AiFallbacks ?? []).ToList();
        Assert.Equal(llm.Chats.Count() - 2, fallbacks.Count);
        Assert.All(fallbacks, f => Assert.Contains(": the answer is not JSON (not json)", f, StringComparison.Ordinal));
        Assert.True(qdrant.PointCount("kl_chunks_16") > 0);
        Assert.Empty(qdrant.Violations);
        Assert.Empty(llm.Violations);
        Assert.Contains("\"ai\": {", ReportJsonText(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_Defaults_GivesTheSameGapsAsTheAnalyzerAlone()
    {
        var demo = await DemoData.LoadInputAsync();
        var input = new AnalysisInput([.. demo.Tickets.Take(1500)], demo.Articles, demo.Sessions);
        using var ai = new KnowledgeLoopAi(new AiOptions(), new OpenAiOptions(), new QdrantOptions());

        var composed = await ai.AnalyzeAsync(input, new AnalysisOptions());
        var alone = await GapAnalyzer.AnalyzeAsync(input, new AnalysisOptions());

        Assert.Equal(JsonSerializer.Serialize(alone.Report.Gaps, ReportJson.Options), JsonSerializer.Serialize(composed.Report.Gaps, ReportJson.Options));
        Assert.NotNull(composed.Model);
        Assert.Equal("local", composed.Report.Ai!.Embedder);
    }

    private static string ReportJsonText(ReportDocument report) => JsonSerializer.Serialize(new { report.Ai }, ReportJson.Options).Replace("\"ai\":{", "\"ai\": {", StringComparison.Ordinal);
}
