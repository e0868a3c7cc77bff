using System.CommandLine;
using System.Globalization;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Qdrant;
using KnowledgeLoop.Infrastructure.Reports;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>
/// <c>knowledgeloop analyze</c>: the gap analysis (DESIGN §4) from a store or from files, written as report.json,
/// report.md, report.html and gaps.csv. Given files and a store, the files are imported first and the fitted
/// embedder and ticket vectors are kept in the store for <c>similar</c>.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var store = CommonOptions.Store();
        var tickets = new Option<FileInfo?>("--tickets") { Description = "Tickets file (CSV, JSON or JSON Lines)." };
        var articles = CommonOptions.Articles();
        var sessions = new Option<FileInfo?>("--sessions") { Description = "Self-service sessions file." };
        var format = CommonOptions.Format();
        var mapping = CommonOptions.Mapping();
        var ticketMetrics = CommonOptions.TicketMetrics();
        var asOf = CommonOptions.AsOf();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Where to write report.json, report.md, report.html and gaps.csv.",
            DefaultValueFactory = _ => new DirectoryInfo("knowledgeloop-report"),
        };
        var analysis = new AnalysisCommandOptions();
        var windows = new WindowOptions();

        var command = new Command("analyze", "Find the knowledge gaps that cost FCR: cluster the failed tickets, match the articles, type, rank and report them.")
        {
            store, tickets, articles, sessions, format, mapping, ticketMetrics, asOf, output,
        };
        analysis.AddTo(command);
        windows.AddTo(command);
        command.Validators.Add(result =>
        {
            var hasStore = result.GetValue(store) is not null;
            var hasTickets = result.GetValue(tickets) is not null;
            if (!hasStore && !hasTickets)
            {
                result.AddError("give --store FILE.db, or --tickets FILE with --articles DIR|FILE (and optionally --store to keep them).");
            }
            else if (hasTickets && result.GetValue(articles) is null)
            {
                result.AddError("--tickets needs --articles DIR|FILE: gaps are found against the knowledge base.");
            }
            else if (!hasTickets && (result.GetValue(articles) is not null || result.GetValue(sessions) is not null))
            {
                result.AddError("--articles and --sessions go with --tickets.");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = analysis.Read(parse, windows.Read(parse, parse.GetValue(asOf)));
            var storeFile = parse.GetValue(store);
            var ticketFile = parse.GetValue(tickets);
            var importOptions = CommonOptions.ImportOptions(parse.GetValue(format), parse.GetValue(mapping), parse.GetValue(ticketMetrics));

            DataSet data;
            if (ticketFile is not null && storeFile is not null)
            {
                using (var knowledgeStore = KnowledgeStore.Open(storeFile.FullName))
                {
                    var runner = new ImportRunner(console, knowledgeStore, importOptions, allowPartial: false);
                    if (!await runner.ImportAsync(ticketFile, parse.GetValue(articles), parse.GetValue(sessions), cancellationToken))
                    {
                        return ExitCodes.BadInput;
                    }
                }

                data = DataSet.FromStore(storeFile, cancellationToken);
            }
            else if (ticketFile is not null)
            {
                data = await DataSet.FromFilesAsync(console, ticketFile, parse.GetValue(sessions), importOptions, cancellationToken, parse.GetValue(articles));
            }
            else
            {
                data = DataSet.FromStore(storeFile!, cancellationToken);
            }

            var startedAt = TimeProvider.System.GetUtcNow();
            var result = await RunAsync(console, data, options, cancellationToken, storeFile);
            if (storeFile is not null)
            {
                using var knowledgeStore = KnowledgeStore.Open(storeFile.FullName);
                Keep(knowledgeStore, result, data.Tickets, options, startedAt);
            }

            var paths = await ReportFiles.WriteAsync(result.Report, parse.GetValue(output)!.FullName, cancellationToken);
            WriteSummary(console, result);
            await console.Output.WriteLineAsync();
            foreach (var path in paths.All)
            {
                await console.Output.WriteLineAsync($"Wrote {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Runs the analysis with a progress bar per stage, with the AI the environment configures (remote embedder, chat
    /// model, Qdrant; <see cref="AiConfiguration"/>); a remote embedder's vectors are cached in <paramref name="store"/>.
    /// </summary>
    public static async Task<AnalysisResult> RunAsync(CliConsole console, DataSet data, AnalysisOptions options, CancellationToken cancellationToken, FileInfo? store = null)
    {
        if (data.Tickets.Count == 0)
        {
            throw new CliException("there are no tickets to analyze.");
        }

        using var services = AiConfiguration.Build();
        var ai = services.GetRequiredService<KnowledgeLoopAi>();
        var used = ai.Describe();
        if (ai.SendsText || ai.Options.Qdrant)
        {
            var endpoint = ai.SendsText ? ", endpoint " + ai.OpenAi.Endpoint.AbsoluteUri : string.Empty;
            console.Note($"AI: embedder {used.EmbeddingModel ?? "local"}, chat {used.ChatModel ?? "none"}, vector store {used.VectorStore}, redaction {(used.Redaction ? "on" : "off")}{endpoint}");
        }

        using var cacheStore = store is not null && ai.Options.RemoteEmbedder ? KnowledgeStore.Open(store.FullName) : null;
        var cache = cacheStore is null ? null : new SqliteEmbeddingCache(cacheStore);
        var input = new AnalysisInput(data.Tickets, data.Articles, data.Sessions) { PreviousGaps = PreviousGaps(store), Publications = data.Publications };
        try
        {
            return await console.WithStagesAsync(progress => Task.Run(
                () => ai.AnalyzeAsync(input, options, cache, new StageProgress(progress), TimeProvider.System, cancellationToken),
                cancellationToken));
        }
        catch (Exception exception) when (exception is EmbeddingException or QdrantException)
        {
            throw new CliException(exception.Message);
        }
    }

    /// <summary>
    /// Keeps a finished analysis in the store: the model and vectors for similar-case search, and the run with its
    /// report in the analyses history, so <c>knowledgeloop serve</c> and the page show it like one of their own.
    /// </summary>
    public static void Keep(KnowledgeStore store, AnalysisResult result, IReadOnlyList<Core.Tickets.Ticket> tickets, AnalysisOptions options, DateTimeOffset startedAt)
    {
        AnalysisStore.Save(store, result, tickets);
        var finishedAt = TimeProvider.System.GetUtcNow();
        var runId = new AnalysisRepository(store).RecordFinished(
            ReportJson.Serialize(result.Report),
            result.Report.Gaps?.Count ?? 0,
            startedAt,
            finishedAt,
            options.Seed,
            options.Clusters,
            options.Metrics.AsOf);
        new GapRepository(store).SaveRun(runId, result.Geometry, finishedAt);
    }

    /// <summary>The gaps of the store's latest run, which the next analysis matches its gaps to (stable ids); null when none.</summary>
    public static Core.Tracking.GapRun? PreviousGaps(FileInfo? store)
    {
        if (store is null || !store.Exists)
        {
            return null;
        }

        using var knowledgeStore = KnowledgeStore.Open(store.FullName);
        return new GapRepository(knowledgeStore).LoadLatest();
    }

    /// <summary>The ranked gaps as a table on stdout.</summary>
    public static void WriteSummary(CliConsole console, AnalysisResult result)
    {
        var report = result.Report;
        var gaps = report.Gaps ?? [];
        var settings = report.Analysis;
        console.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"FCR {Percent(report.Metrics.Fcr?.Rate)} ({report.Metrics.Fcr?.Numerator:N0} / {report.Metrics.Fcr?.Denominator:N0} mature first contacts); " +
            $"{settings?.Failures:N0} failures in {gaps.Count} gaps, {report.UnclusteredFailures?.Count ?? 0:N0} unclustered.")));
        if (gaps.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Knowledge gaps, by expected FCR lift");
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("Gap");
        table.AddColumn("Type");
        table.AddColumn(new TableColumn("Tickets").RightAligned());
        table.AddColumn(new TableColumn("Failures").RightAligned());
        table.AddColumn(new TableColumn("FCR").RightAligned());
        table.AddColumn(new TableColumn("Lift").RightAligned());
        table.AddColumn("Best article");
        foreach (var gap in gaps.Take(15))
        {
            var best = gap.TopArticles.Count > 0 ? gap.TopArticles[0] : null;
            table.AddRow(
                gap.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(gap.Title) + (gap.Emerging ? " [yellow](emerging)[/]" : string.Empty),
                Markup.Escape(gap.SecondaryType is null ? gap.Type : $"{gap.Type} (+{gap.SecondaryType})"),
                gap.TicketCount.ToString("N0", CultureInfo.InvariantCulture),
                gap.FailureCount.ToString("N0", CultureInfo.InvariantCulture),
                Percent(gap.Fcr?.Rate),
                string.Create(CultureInfo.InvariantCulture, $"+{gap.ExpectedFcrLift * 100:0.0} pt"),
                best is null ? "-" : Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{best.Id} ({best.Similarity:0.00})")));
        }

        console.Out.Write(table);
        if (gaps.Count > 15)
        {
            console.Out.MarkupLine(Markup.Escape($"... and {gaps.Count - 15} more in the report."));
        }
    }

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Turns the analyzer's stage reports into named progress bars.</summary>
    private sealed class StageProgress(IProgress<StageUpdate> inner) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => inner.Report(new StageUpdate(Name(value.Stage), value.Fraction));

        private static string Name(AnalysisStage stage) => stage switch
        {
            AnalysisStage.Metrics => "Outcomes and metrics",
            AnalysisStage.Text => "Preparing text",
            AnalysisStage.Embedding => "Embedding",
            AnalysisStage.Clustering => "Clustering failures",
            AnalysisStage.Labels => "Labelling clusters",
            AnalysisStage.Matching => "Matching articles",
            _ => "Typing and ranking gaps",
        };
    }
}
