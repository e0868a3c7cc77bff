using System.Text.Json;
using KnowledgeLoop.Cli.Commands;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli.Tests;

/// <summary>
/// <c>knowledgeloop impact</c> on the bundled demo data, whose generator publishes the Shopify article (KB-1010) late in
/// the period and lowers that topic's failure rate afterwards.
/// </summary>
public sealed class ImpactCommandTests : IDisposable
{
    private static readonly string Demo = DemoCommand.BundledDataFolder;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<string> AnalyzedStoreAsync()
    {
        var store = _folder.File("k.db");
        var run = await CliRun.RunAsync(
            "analyze", "--tickets", Path.Combine(Demo, "tickets.csv"), "--articles", Path.Combine(Demo, "articles"),
            "--sessions", Path.Combine(Demo, "sessions.csv"), "--store", store, "--out", _folder.File("r"));
        Assert.True(run.ExitCode == 0, run.Error);
        return store;
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Impact_DemoData_ShowsTheShopifyArticlesSignificantFcrRise()
    {
        var store = await AnalyzedStoreAsync();

        var rows = Json(await CliRun.RunAsync("impact", "--store", store, "--json")).EnumerateArray().ToList();
        var table = await CliRun.RunAsync("impact", "--store", store);

        // The ground truth names the article published late in the period and the verdict impact tracking must reach.
        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Demo, "ground_truth.json")));
        var planted = truth.RootElement.GetProperty("planted_gaps").EnumerateArray()
            .Single(g => g.GetProperty("role").GetString() == "published_mid_period").GetProperty("impact");
        var articleId = planted.GetProperty("article_id").GetString();
        Assert.Equal("KB-1010", articleId);

        var shopify = rows.Single(r => r.GetProperty("impact").GetProperty("article_id").GetString() == articleId);
        var impact = shopify.GetProperty("impact");
        Assert.Equal("created", impact.GetProperty("source").GetString());
        Assert.Equal(planted.GetProperty("expected_verdict").GetString(), impact.GetProperty("verdict").GetString());
        Assert.True(impact.GetProperty("p_value").GetDouble() < 0.05, impact.GetRawText());
        Assert.True(impact.GetProperty("did_p_value").GetDouble() < 0.05, impact.GetRawText());
        Assert.True(impact.GetProperty("after").GetProperty("fcr").GetProperty("rate").GetDouble()
            > impact.GetProperty("before").GetProperty("fcr").GetProperty("rate").GetDouble() + 0.2);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("KB-1010", table.Output, StringComparison.Ordinal);
        Assert.Contains("improved", table.Output, StringComparison.Ordinal);

        // One gap by id; an unknown id is bad input.
        var gapId = shopify.GetProperty("gap_id").GetString()!;
        var one = Json(await CliRun.RunAsync("impact", "--store", store, "--gap", gapId, "--json"));
        Assert.Equal(gapId, one.GetProperty("gap_id").GetString());
        var unknown = await CliRun.RunAsync("impact", "--store", store, "--gap", "gap-nope");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("gap-nope", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impact_PublicationRecordedInTheStore_IsReadByTheNextAnalysis()
    {
        var store = await AnalyzedStoreAsync();
        var publishedAt = new DateTimeOffset(2026, 8, 27, 9, 0, 0, TimeSpan.Zero);
        using (var knowledgeStore = KnowledgeStore.Open(store))
        {
            new ArticlePublicationRepository(knowledgeStore).Add(new ArticlePublication("KB-1010", publishedAt), DateTimeOffset.UtcNow);
        }

        var again = await CliRun.RunAsync("analyze", "--store", store, "--out", _folder.File("r2"));
        Assert.True(again.ExitCode == 0, again.Error);
        var rows = Json(await CliRun.RunAsync("impact", "--store", store, "--json")).EnumerateArray().ToList();

        var impact = rows.Single(r => r.GetProperty("impact").GetProperty("article_id").GetString() == "KB-1010").GetProperty("impact");
        Assert.Equal("published", impact.GetProperty("source").GetString());
        Assert.Equal(publishedAt, impact.GetProperty("event_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Impact_StoreWithoutAnalysis_ExitsOneWithAReason()
    {
        var store = _folder.File("empty.db");
        KnowledgeStore.Open(store).Dispose();

        var run = await CliRun.RunAsync("impact", "--store", store);
        var missing = await CliRun.RunAsync("impact", "--store", _folder.File("nope.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no analysis yet", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }
}
