using System.Diagnostics;
using System.Text.Json;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>The whole gap analysis on a generated data folder (tickets.csv, articles/, sessions.csv): seconds per stage and peak memory.</summary>
internal static class AnalyzeBench
{
    public static int Run(string[] args)
    {
        var folder = args[1];
        var clock = Stopwatch.StartNew();
        var tickets = Read<Ticket>(ExportReader.ReadTicketsAsync(Path.Combine(folder, "tickets.csv"), new ImportOptions()));
        var articles = Read<Article>(ExportReader.ReadArticlesAsync(Path.Combine(folder, "articles"), new ImportOptions()));
        var sessions = File.Exists(Path.Combine(folder, "sessions.csv"))
            ? Read<SelfServiceSession>(ExportReader.ReadSessionsAsync(Path.Combine(folder, "sessions.csv"), new ImportOptions()))
            : [];
        var readSeconds = clock.Elapsed.TotalSeconds;

        // What the input alone holds (tickets, articles, sessions as records), before the analysis allocates anything.
        var inputMegabytes = Math.Round(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);

        clock.Restart();
        var result = GapAnalyzer.Analyze(new AnalysisInput(tickets, articles, sessions), new AnalysisOptions());
        var total = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["stage"] = "analyze",
            ["tickets"] = tickets.Count,
            ["articles"] = articles.Count,
            ["sessions"] = sessions.Count,
            ["failures_clustered"] = result.Report.Analysis?.Failures,
            ["gaps"] = result.Report.Gaps?.Count,
            ["read_seconds"] = Math.Round(readSeconds, 2),
            ["analysis_seconds"] = Math.Round(total, 2),
            ["stage_seconds"] = result.StageSeconds,
            ["input_managed_mb"] = inputMegabytes,
            ["peak_memory_mb"] = Math.Round(process.PeakWorkingSet64 / 1048576.0),
        }));
        return 0;
    }

    private static List<T> Read<T>(IAsyncEnumerable<ImportRow<T>> rows)
        where T : class
    {
        var list = new List<T>();
        foreach (var row in rows.ToBlockingEnumerable())
        {
            if (row.IsValid)
            {
                list.Add(row.Entity!);
            }
        }

        return list;
    }
}
