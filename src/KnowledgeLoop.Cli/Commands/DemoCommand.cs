using System.CommandLine;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Reports;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>
/// <c>knowledgeloop demo</c>: the whole job on the bundled sample data, with nothing to install and no
/// network: imports the demo tickets, articles and sessions into an embedded store and prints the metrics.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Where the build puts the bundled data set, next to the command.</summary>
    public static string BundledDataFolder => Path.Combine(AppContext.BaseDirectory, "samples", "demo");

    public static Command Create(CliConsole console)
    {
        var store = new Option<FileInfo>("--store")
        {
            Description = "The store to import the demo data into. Defaults to knowledgeloop-demo.db in the current folder.",
            DefaultValueFactory = _ => new FileInfo("knowledgeloop-demo.db"),
        };
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "A data set folder (tickets.csv, articles/, sessions.csv). Defaults to the bundled demo data.",
            DefaultValueFactory = _ => new DirectoryInfo(BundledDataFolder),
        };
        var segment = CommonOptions.Segment();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Where the demo writes its report. Defaults to knowledgeloop-demo-report in the current folder.",
            DefaultValueFactory = _ => new DirectoryInfo("knowledgeloop-demo-report"),
        };

        var serve = new Option<bool>("--serve") { Description = "Then serve the demo store over HTTP with the web page (like 'knowledgeloop serve')." };
        var urls = ServeCommand.Urls();
        var command = new Command("demo", "Run KnowledgeLoop on the bundled sample data of a fictional B2B SaaS company.")
        {
            store, data, segment, output, serve, urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(data)!;
            var tickets = new FileInfo(Path.Combine(folder.FullName, "tickets.csv"));
            var articles = new DirectoryInfo(Path.Combine(folder.FullName, "articles"));
            var sessions = new FileInfo(Path.Combine(folder.FullName, "sessions.csv"));
            if (!tickets.Exists)
            {
                throw new CliException($"no demo data in {folder.FullName} (tickets.csv is missing); regenerate it with 'dotnet run --project samples/KnowledgeLoop.Samples -- --out samples/demo'.");
            }

            var storeFile = parse.GetValue(store)!;
            console.Note($"Demo store: {storeFile.FullName}");
            using (var knowledgeStore = KnowledgeStore.Open(storeFile.FullName))
            {
                var runner = new ImportRunner(console, knowledgeStore, new ImportOptions { Format = ImportFormat.Generic }, allowPartial: false);
                if (!await runner.ImportAsync(tickets, articles.Exists ? articles : null, sessions.Exists ? sessions : null, cancellationToken))
                {
                    return ExitCodes.BadInput;
                }
            }

            var dataSet = DataSet.FromStore(storeFile, cancellationToken);
            var options = new MetricsOptions();
            var result = await console.WithProgressAsync("Computing metrics", _ =>
                Task.FromResult(MetricsEngine.Compute(dataSet.Tickets, dataSet.Sessions, options, dataSet.ArticleCount)));
            await console.Output.WriteLineAsync();
            MetricsTables.Write(console, result, parse.GetValue(segment) ?? SegmentDimension.Category);
            await console.Output.WriteLineAsync();

            var analysisOptions = new AnalysisOptions { Metrics = options };
            var startedAt = TimeProvider.System.GetUtcNow();
            var analysis = await AnalyzeCommand.RunAsync(console, dataSet, analysisOptions, cancellationToken, storeFile);
            using (var knowledgeStore = KnowledgeStore.Open(storeFile.FullName))
            {
                AnalyzeCommand.Keep(knowledgeStore, analysis, dataSet.Tickets, analysisOptions, startedAt);
            }

            var paths = await ReportFiles.WriteAsync(analysis.Report, parse.GetValue(output)!.FullName, cancellationToken);
            AnalyzeCommand.WriteSummary(console, analysis);
            await console.Output.WriteLineAsync();
            var impacts = analysis.Report.Gaps?.Where(g => g.Impact is not null).ToList() ?? [];
            if (impacts.Count > 0)
            {
                // The loop closed: the article the generator publishes late in the period, and what it did to its gap.
                ImpactCommand.Write(console, impacts);
                await console.Output.WriteLineAsync();
            }

            await console.Output.WriteLineAsync($"Report: {paths.Html}");
            await console.Output.WriteLineAsync($"        {paths.Markdown}, {paths.Json}, {paths.Csv}");
            if (parse.GetValue(serve))
            {
                await console.Output.WriteLineAsync();
                return await ServeCommand.RunAsync(console, storeFile, parse.GetValue(urls)!, apiKey: null, cancellationToken);
            }

            await console.Output.WriteLineAsync($"Next: knowledgeloop similar \"bank feed shows every transaction twice\" --store {storeFile.Name}");
            await console.Output.WriteLineAsync($"      knowledgeloop impact --store {storeFile.Name}   (did the published articles raise FCR?)");
            await console.Output.WriteLineAsync($"      knowledgeloop serve --store {storeFile.Name}   (the web page and the API; or run the demo with --serve)");
            return ExitCodes.Success;
        });
        return command;
    }
}
