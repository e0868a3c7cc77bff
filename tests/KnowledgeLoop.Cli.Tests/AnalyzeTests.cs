using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Cli.Commands;

namespace KnowledgeLoop.Cli.Tests;

/// <summary>
/// The gap analysis on the bundled demo data, checked against the ground truth its generator wrote
/// (samples/demo/ground_truth.json and ticket_topics.csv): which topics were planted as which gap.
/// </summary>
public sealed class AnalyzeTests : IDisposable
{
    private static readonly string Demo = DemoCommand.BundledDataFolder;
    private static readonly string[] MissingRoles = ["missing", "emerging"];
    private static readonly string[] IneffectiveTypes = ["ineffective", "outdated"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string DemoFile(string name) => Path.Combine(Demo, name);

    private async Task<(JsonElement Report, string Folder)> AnalyzeDemoAsync(string name, params string[] extra)
    {
        var folder = _folder.File(name);
        var run = await CliRun.RunAsync(
        [
            "analyze", "--tickets", DemoFile("tickets.csv"), "--articles", DemoFile("articles"), "--sessions", DemoFile("sessions.csv"),
            "--out", folder, .. extra,
        ]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        return (document.RootElement.Clone(), folder);
    }

    /// <summary>Each gap with the topic most of its failed tickets were generated from.</summary>
    private static List<(int Rank, string Type, string Topic)> GapTopics(JsonElement report)
    {
        var topicOf = File.ReadLines(DemoFile("ticket_topics.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0], cells => cells[1], StringComparer.Ordinal);
        return report.GetProperty("gaps").EnumerateArray().Select(gap => (
            gap.GetProperty("rank").GetInt32(),
            gap.GetProperty("type").GetString()!,
            gap.GetProperty("failure_ticket_ids").EnumerateArray()
                .GroupBy(id => topicOf.GetValueOrDefault(id.GetString()!, "?"))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key)).ToList();
    }

    private static Dictionary<string, string> PlantedRoles()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(DemoFile("ground_truth.json")));
        return truth.RootElement.GetProperty("planted_gaps").EnumerateArray()
            .ToDictionary(g => g.GetProperty("topic").GetString()!, g => g.GetProperty("role").GetString()!, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Analyze_DemoData_FindsWhatTheGeneratorPlanted()
    {
        var (report, _) = await AnalyzeDemoAsync("report");
        var gaps = GapTopics(report);
        var roles = PlantedRoles();
        string? Best(string topic) => gaps.Where(g => g.Topic == topic).OrderBy(g => g.Rank).Select(g => g.Type).FirstOrDefault();

        // Every topic planted without an article is a missing gap in the top 5.
        foreach (var topic in roles.Where(r => r.Value == "missing").Select(r => r.Key))
        {
            Assert.True(gaps.Any(g => g.Topic == topic && g.Type == "missing" && g.Rank <= 5), $"{topic}: {string.Join(", ", gaps.Where(g => g.Topic == topic))}");
        }

        // The emerging topic (no article, all recent) is a missing gap flagged emerging.
        var emerging = roles.Single(r => r.Value == "emerging").Key;
        var emergingGap = gaps.Where(g => g.Topic == emerging).OrderBy(g => g.Rank).First();
        Assert.Equal("missing", emergingGap.Type);
        Assert.True(report.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("rank").GetInt32() == emergingGap.Rank).GetProperty("emerging").GetBoolean());

        // The unhelpful article's topic is ineffective (or outdated); the rarely linked one is findability; the
        // escalation-bound one is a process gap.
        Assert.Contains(Best(roles.Single(r => r.Value == "ineffective").Key), IneffectiveTypes);
        Assert.Equal("findability", Best(roles.Single(r => r.Value == "findability").Key));
        Assert.Equal("process", Best(roles.Single(r => r.Value == "process").Key));

        // No topic that has a working article is typed missing (only the planted missing and emerging ones are),
        // and the well-covered control topic costs no FCR: when its few failures form a cluster of their own (k leaves
        // room for every topic), that cluster resolves better than the whole and has no expected lift.
        Assert.DoesNotContain(gaps, g => g.Type == "missing" && !MissingRoles.Contains(roles.GetValueOrDefault(g.Topic)));
        var overallFcr = report.GetProperty("metrics").GetProperty("fcr").GetProperty("rate").GetDouble();
        foreach (var control in report.GetProperty("gaps").EnumerateArray().Where(g => gaps.Single(x => x.Rank == g.GetProperty("rank").GetInt32()).Topic == "invoice-template"))
        {
            Assert.Equal(0, control.GetProperty("expected_fcr_lift").GetDouble());
            Assert.True(control.GetProperty("fcr").GetProperty("rate").GetDouble() > overallFcr);
        }

        // Every gap explains itself and carries its evidence.
        foreach (var gap in report.GetProperty("gaps").EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(gap.GetProperty("reason").GetString()));
            Assert.Equal(3, gap.GetProperty("representative_ticket_ids").GetArrayLength());
            Assert.True(gap.GetProperty("top_articles").GetArrayLength() >= 1);
        }
    }

    [Fact]
    public async Task Analyze_SameInputAndSeed_GivesTheSameReport()
    {
        var (first, _) = await AnalyzeDemoAsync("a", "--seed", "7");
        var (second, _) = await AnalyzeDemoAsync("b", "--seed", "7");

        static string WithoutClock(JsonElement report) =>
            string.Join('\n', JsonSerializer.Serialize(report).Split(',').Where(part => !part.Contains("\"generated_at\"", StringComparison.Ordinal)));

        Assert.Equal(WithoutClock(first), WithoutClock(second));
        Assert.Equal(7, first.GetProperty("analysis").GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Similar_AfterAnalyzeWithStore_SplitsResolvedFromFailedCases()
    {
        var store = _folder.File("k.db");
        var analyze = await CliRun.RunAsync(
            "analyze", "--tickets", DemoFile("tickets.csv"), "--articles", DemoFile("articles"), "--store", store, "--out", _folder.File("r"));
        Assert.True(analyze.ExitCode == 0, analyze.Error);

        var run = await CliRun.RunAsync("similar", "our bank transactions show up twice after reconnecting the feed", "--store", store, "--k", "4", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var resolved = json.RootElement.GetProperty("resolved").EnumerateArray().ToList();
        var failed = json.RootElement.GetProperty("failed").EnumerateArray().ToList();
        Assert.Equal(4, resolved.Count);
        Assert.Equal(4, failed.Count);
        Assert.All(resolved, r => Assert.Equal("success", r.GetProperty("outcome").GetString()));
        Assert.All(failed, r => Assert.Equal("failure", r.GetProperty("outcome").GetString()));
        var scores = failed.Select(r => r.GetProperty("similarity").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(scores[0] > 0.5, scores[0].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(3, json.RootElement.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_WithStore_RecordsTheRunWithItsReportForTheService()
    {
        var store = _folder.File("runs.db");
        var output = _folder.File("r2");
        var analyze = await CliRun.RunAsync(
            "analyze", "--tickets", DemoFile("tickets.csv"), "--articles", DemoFile("articles"), "--store", store, "--out", output, "--seed", "7");
        Assert.True(analyze.ExitCode == 0, analyze.Error);

        using var knowledgeStore = KnowledgeLoop.Infrastructure.Storage.KnowledgeStore.Open(store);
        var runs = new KnowledgeLoop.Infrastructure.Storage.AnalysisRepository(knowledgeStore);
        var latest = runs.LatestSucceeded();
        Assert.NotNull(latest);
        Assert.Equal(7, latest.Seed);
        Assert.Equal(100, latest.Percent);
        Assert.True(latest.FinishedAt >= latest.StartedAt);
        using var stored = JsonDocument.Parse(runs.ReadReport(latest.Id)!);
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var storedIds = stored.RootElement.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToList();
        var writtenIds = written.RootElement.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(writtenIds);
        Assert.Equal(writtenIds, storedIds);
        Assert.Equal(writtenIds.Count, latest.GapCount);
    }

    [Fact]
    public async Task Similar_StoreWithoutAnalysis_ExitsOneWithAReason()
    {
        var store = _folder.File("empty.db");
        await CliRun.RunAsync("import", "--tickets", DemoFile("tickets.csv"), "--store", store);

        var run = await CliRun.RunAsync("similar", "anything", "--store", store);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has no analysis yet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_TicketsWithoutArticles_ExitsOne()
    {
        var run = await CliRun.RunAsync("analyze", "--tickets", DemoFile("tickets.csv"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--articles", run.Error, StringComparison.Ordinal);
    }
}
