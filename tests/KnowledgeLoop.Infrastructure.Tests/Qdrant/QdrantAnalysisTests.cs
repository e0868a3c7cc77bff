using System.Text.Json;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Qdrant;

namespace KnowledgeLoop.Infrastructure.Tests.Qdrant;

/// <summary>
/// The gap analysis of the demo data with its article search going through the vector index: against the in-test
/// Qdrant (QdrantVectorIndex over REST) it finds the same gaps as with the embedded index and as without any index.
/// </summary>
public sealed class QdrantAnalysisTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private FakeQdrantServer _qdrant = null!;

    public async Task InitializeAsync() => _qdrant = await FakeQdrantServer.StartAsync("key");

    public async Task DisposeAsync() => await _qdrant.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private static string Gaps(ReportDocument report) => JsonSerializer.Serialize(report.Gaps, ReportJson.Options);

    [Fact]
    public async Task Analyze_DemoDataWithQdrantIndex_GivesTheSameGapsAsTheEmbeddedIndex()
    {
        var input = await DemoData.LoadInputAsync();
        var options = new AnalysisOptions();
        var time = new FixedTime(Now);
        var plain = await GapAnalyzer.AnalyzeAsync(input, options, time: time);
        var dimensions = plain.TicketVectors.Dimensions;

        using var exact = new ExactVectorIndex(dimensions);
        var embedded = await GapAnalyzer.AnalyzeAsync(input with { ArticleIndex = exact }, options, time: time);
        var qdrant = await QdrantVectorIndex.OpenAsync(_http, new QdrantOptions { Url = _qdrant.Address, ApiKey = "key" }, "kl_chunks_test", dimensions);
        var remote = await GapAnalyzer.AnalyzeAsync(input with { ArticleIndex = qdrant }, options, time: time);

        var gaps = remote.Report.Gaps!;
        Assert.True(gaps.Count >= 10, $"{gaps.Count} gaps");
        Assert.Equal(
            embedded.Report.Gaps!.Select(g => (g.Id, g.Rank, g.Type, g.SecondaryType)),
            gaps.Select(g => (g.Id, g.Rank, g.Type, g.SecondaryType)));
        Assert.Equal(Gaps(embedded.Report), Gaps(remote.Report));
        Assert.Equal(Gaps(plain.Report), Gaps(remote.Report));

        // The article search really went through Qdrant: every chunk stored, one query per gap or more.
        Assert.Equal(exact.Count, _qdrant.PointCount("kl_chunks_test"));
        Assert.True(_qdrant.Requests.Count(r => r.Path.EndsWith("/points/query", StringComparison.Ordinal)) >= gaps.Count);
        Assert.Empty(_qdrant.Violations);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
