using System.Text.Json;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    // Six tickets, hand-checked: C1's T1 is followed up by T2 (same category, 2 days after T1's resolution);
    // T3 is reopened; T4 is escalated; T5 resolves cleanly; T6 is open and recent (immature).
    // As of 2026-03-01 (T6's creation): mature first contacts T1, T3, T4, T5 -> FCR = 1/4 (T5 only).
    private const string Tickets = """
        id,created_at,resolved_at,customer_id,category,subject,reopen_count,escalated
        T1,2026-01-05T09:00:00Z,2026-01-05T10:00:00Z,C1,billing,Invoice total wrong,0,false
        T2,2026-01-07T09:00:00Z,2026-01-07T12:00:00Z,C1,billing,Still wrong after your fix,0,no
        T3,2026-01-10T09:00:00Z,2026-01-11T09:00:00Z,C2,sso,SSO login loop,1,0
        T4,2026-01-12T09:00:00Z,2026-01-13T09:00:00Z,C3,api,Webhook retries,0,yes
        T5,2026-01-15T09:00:00Z,2026-01-15T11:00:00Z,C4,billing,VAT on PDF,0,false
        T6,2026-03-01T09:00:00Z,,C5,billing,Cannot export,0,false
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("import")]
    [InlineData("metrics")]
    [InlineData("demo")]
    [InlineData("impact")]
    public async Task Help_EveryCommand_ExitsZeroAndDescribesOptions(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("--", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GoodFile_ImportsEveryRowAndReimportUpdates()
    {
        var tickets = _folder.Write("tickets.csv", Tickets);
        var store = _folder.File("k.db");

        var first = await CliRun.RunAsync("import", "--tickets", tickets, "--store", store);
        var second = await CliRun.RunAsync("import", "--tickets", tickets, "--store", store);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("6 tickets imported", first.Output, StringComparison.Ordinal);
        using var opened = KnowledgeStore.Open(store);
        Assert.Equal(6, opened.Count().Tickets);
    }

    [Fact]
    public async Task Import_BadRows_ExitsOneWithLocatedProblemsAndWritesNothing()
    {
        var tickets = _folder.Write("tickets.csv", Tickets + "\nT7,not-a-date,,C6,billing,Broken,0,false\nT8,2026-01-20T09:00:00Z,,C7,billing,Broken,0,maybe\n");
        var store = _folder.File("k.db");

        var run = await CliRun.RunAsync("import", "--tickets", tickets, "--store", store);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tickets.csv:8", run.Error, StringComparison.Ordinal);
        Assert.Contains("created_at", run.Error, StringComparison.Ordinal);
        Assert.Contains("tickets.csv:9", run.Error, StringComparison.Ordinal);
        Assert.Contains("escalated", run.Error, StringComparison.Ordinal);
        Assert.Contains("2 problems in total", run.Error, StringComparison.Ordinal);
        using var opened = KnowledgeStore.Open(store);
        Assert.Equal(0, opened.Count().Tickets);
    }

    [Fact]
    public async Task Import_AllowPartial_ImportsGoodRowsAndWritesRejectsFile()
    {
        var tickets = _folder.Write("tickets.csv", Tickets + "\nT7,not-a-date,,C6,billing,Broken,0,false\n");
        var store = _folder.File("k.db");

        var run = await CliRun.RunAsync("import", "--tickets", tickets, "--store", store, "--allow-partial");

        Assert.Equal(0, run.ExitCode);
        using var opened = KnowledgeStore.Open(store);
        Assert.Equal(6, opened.Count().Tickets);
        var rejects = File.ReadAllText(_folder.File("tickets.rejects.csv"));
        Assert.Contains("T7", rejects, StringComparison.Ordinal);
        Assert.Contains("not-a-date", rejects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NothingGiven_ExitsOneWithReason()
    {
        var run = await CliRun.RunAsync("import", "--store", _folder.File("k.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nothing to import", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsOneNamingTheFile()
    {
        var run = await CliRun.RunAsync("import", "--tickets", _folder.File("nope.csv"), "--store", _folder.File("k.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nope.csv", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownFormat_ExitsOne()
    {
        var tickets = _folder.Write("tickets.csv", Tickets);

        var run = await CliRun.RunAsync("import", "--tickets", tickets, "--store", _folder.File("k.db"), "--format", "salesforce");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("salesforce", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromTicketsFileAsJson_GivesHandComputedFcr()
    {
        var tickets = _folder.Write("tickets.csv", Tickets);

        var run = await CliRun.RunAsync("metrics", "--tickets", tickets, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        var fcr = root.GetProperty("metrics").GetProperty("fcr");
        Assert.Equal(1, fcr.GetProperty("numerator").GetInt64());
        Assert.Equal(4, fcr.GetProperty("denominator").GetInt64());
        Assert.Equal(6, root.GetProperty("counts").GetProperty("tickets").GetInt64());
        Assert.Equal(5, root.GetProperty("counts").GetProperty("first_contacts").GetInt64());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("immature").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("metrics").GetProperty("deflection_rate").ValueKind);
        Assert.True(root.GetProperty("segments").GetProperty("category").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Metrics_FromStoreWithSegment_PrintsTablesOnStdout()
    {
        var tickets = _folder.Write("tickets.csv", Tickets);
        var store = _folder.File("k.db");
        Assert.Equal(0, (await CliRun.RunAsync("import", "--tickets", tickets, "--store", store)).ExitCode);

        var run = await CliRun.RunAsync("metrics", "--store", store, "--segment", "category", "--as-of", "2026-03-01T09:00:00Z");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("First contact resolution (FCR)", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 / 4", run.Output, StringComparison.Ordinal);
        Assert.Contains("billing", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BusinessDayWindow_ChangesWhatIsMature()
    {
        var tickets = _folder.Write("tickets.csv", Tickets);

        // As of 2026-01-20 09:00: with 7 calendar days T5 (resolved 01-15 11:00) is immature;
        // with 3 business days (01-15 Thu -> 01-20 Tue 11:00) it is still immature, with 2 (-> Mon 01-19) mature.
        var calendar = await CliRun.RunAsync("metrics", "--tickets", tickets, "--json", "--as-of", "2026-01-20T09:00:00Z");
        var business = await CliRun.RunAsync("metrics", "--tickets", tickets, "--json", "--as-of", "2026-01-20T09:00:00Z", "--fcr-business-days", "2");

        Assert.Equal(0, calendar.ExitCode);
        Assert.Equal(0, business.ExitCode);
        var calendarMature = JsonDocument.Parse(calendar.Output).RootElement.GetProperty("counts").GetProperty("mature_first_contacts").GetInt64();
        var businessMature = JsonDocument.Parse(business.Output).RootElement.GetProperty("counts").GetProperty("mature_first_contacts").GetInt64();
        Assert.Equal(businessMature, calendarMature + 1);
    }

    [Fact]
    public async Task Metrics_StoreAndTicketsTogether_ExitsOne()
    {
        var tickets = _folder.Write("tickets.csv", Tickets);

        var run = await CliRun.RunAsync("metrics", "--tickets", tickets, "--store", _folder.File("k.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("either --store", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BadTicketsFile_ExitsOneWithLocation()
    {
        var tickets = _folder.Write("tickets.csv", Tickets + "\nT7,2026-13-45,,C6,billing,Broken,0,false\n");

        var run = await CliRun.RunAsync("metrics", "--tickets", tickets);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tickets.csv:8", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_MissingStore_ExitsOne()
    {
        var run = await CliRun.RunAsync("metrics", "--store", _folder.File("absent.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_BundledData_ImportsAndPrintsMetrics()
    {
        var store = _folder.File("demo.db");

        var run = await CliRun.RunAsync("demo", "--store", store, "--out", _folder.File("report"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("First contact resolution (FCR)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Knowledge gaps, by expected FCR lift", run.Output, StringComparison.Ordinal);

        // The loop closed: the Shopify article published late in the period, and its gap's FCR before and after.
        Assert.Contains("Impact of articles on their gaps", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"KB-1010[\s\S]*improved", run.Output);
        foreach (var file in new[] { "report.json", "report.md", "report.html", "gaps.csv" })
        {
            Assert.True(File.Exists(Path.Combine(_folder.File("report"), file)), file);
        }

        Assert.Contains("By category", run.Output, StringComparison.Ordinal);
        using var opened = KnowledgeStore.Open(store);
        var counts = opened.Count();
        Assert.True(counts.Tickets >= 5000, $"{counts.Tickets} tickets");
        Assert.True(counts.Articles >= 40, $"{counts.Articles} articles");
        Assert.True(counts.Sessions > 0);
    }
}
