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
        // Memory per stage: the managed heap after the last collection and the process's working set, at their highest.
        var memory = new Dictionary<string, double>();
        var stage = "start";
        using var self = Process.GetCurrentProcess();
        void Sample()
        {
            self.Refresh();
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0;
            var working = self.WorkingSet64 / 1048576.0;
            memory[stage + "_heap_mb"] = Math.Max(memory.GetValueOrDefault(stage + "_heap_mb"), Math.Round(heap));
            memory[stage + "_working_set_mb"] = Math.Max(memory.GetValueOrDefault(stage + "_working_set_mb"), Math.Round(working));
        }

        using var sampler = new Timer(_ => Sample(), null, 0, 250);
        var progress = new SynchronousProgress(p =>
        {
            stage = p.Stage.ToString().ToLowerInvariant();
        });
        var result = GapAnalyzer.Analyze(new AnalysisInput(tickets, articles, sessions), new AnalysisOptions(), progress);
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
            ["memory_by_stage"] = memory,
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

    private sealed class SynchronousProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
