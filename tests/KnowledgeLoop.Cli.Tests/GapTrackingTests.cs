using System.Text.Json;
using KnowledgeLoop.Cli.Commands;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli.Tests;

/// <summary>Repeated <c>analyze --store</c> runs on one store: gap ids carry over, with lineage and a history per gap.</summary>
public sealed class GapTrackingTests : IDisposable
{
    private static readonly string Demo = DemoCommand.BundledDataFolder;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonElement Report(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Analyze_TwiceOnOneStore_KeepsEveryGapIdAndRecordsTwoRunsOfHistory()
    {
        var store = _folder.File("k.db");
        var first = await CliRun.RunAsync(
            "analyze", "--tickets", Path.Combine(Demo, "tickets.csv"), "--articles", Path.Combine(Demo, "articles"), "--store", store, "--out", _folder.File("r1"));
        Assert.True(first.ExitCode == 0, first.Error);
        var second = await CliRun.RunAsync("analyze", "--store", store, "--out", _folder.File("r2"));
        Assert.True(second.ExitCode == 0, second.Error);

        var before = Report(_folder.File("r1")).GetProperty("gaps").EnumerateArray().ToList();
        var after = Report(_folder.File("r2")).GetProperty("gaps").EnumerateArray().ToList();
        Assert.NotEmpty(before);
        Assert.All(before, g => Assert.Equal("new", g.GetProperty("lineage").GetProperty("status").GetString()));
        Assert.Equal(before.Select(g => g.GetProperty("id").GetString()), after.Select(g => g.GetProperty("id").GetString()));
        Assert.All(after, g => Assert.Equal("continued", g.GetProperty("lineage").GetProperty("status").GetString()));
        Assert.Contains("- **Since last run:** continued from the last run (2 runs", await File.ReadAllTextAsync(Path.Combine(_folder.File("r2"), "report.md")), StringComparison.Ordinal);

        using var knowledgeStore = KnowledgeStore.Open(store);
        var repository = new GapRepository(knowledgeStore);
        var history = repository.History(after[0].GetProperty("id").GetString()!);
        Assert.Equal(2, history.Count);
        Assert.Equal(new AnalysisRepository(knowledgeStore).LatestSucceeded()!.Id, history[1].RunId);
        Assert.Equal(after.Count, repository.LoadLatest()!.Geometry.Gaps.Count);
    }
}
