using KnowledgeLoop.Api.Features.Gaps;
using KnowledgeLoop.Api.Features.Similar;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Qdrant;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary>
/// Runs queued analyses in the background, <see cref="AnalysisQueueOptions.MaxConcurrentRuns"/> at a time: loads the
/// store, runs the <see cref="GapAnalyzer"/> with progress and cancellation, keeps the model and vectors
/// (<see cref="AnalysisStore.Save"/>) and the report, and swaps the in-memory similar-case index. On start, analyses
/// a previous process left queued or running are marked failed, so none stays "running" forever. The analysis runs
/// through <see cref="KnowledgeLoopAi"/>, so the configured embedder, chat model and vector store apply as in the CLI.
/// </summary>
internal sealed partial class AnalysisWorker(
    AnalysisQueue queue,
    KnowledgeStoreFactory stores,
    SimilarSearchProvider similar,
    ReportCache reports,
    KnowledgeLoopAi ai,
    IAnalysisObserver observer,
    IConfiguration configuration,
    IOptions<AnalysisQueueOptions> options,
    TimeProvider time,
    ILogger<AnalysisWorker> logger) : BackgroundService
{
    /// <summary>The reason an analysis interrupted by a stop or a crash carries.</summary>
    public const string InterruptedReason = "interrupted: the service stopped before it finished";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var failed = stores.Run(store => new AnalysisRepository(store).FailUnfinished(InterruptedReason, time.GetUtcNow()));
        if (failed > 0)
        {
            LogInterrupted(failed);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentRuns).Select(_ => Task.Run(() => ConsumeAsync(stoppingToken), CancellationToken.None)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunOneAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; whatever is still queued is marked failed on the next start.
        }
    }

    private async Task RunOneAsync(string id, CancellationToken stoppingToken)
    {
        var run = queue.Track(id, stoppingToken);
        try
        {
            if (!stores.Run(store => new AnalysisRepository(store).MarkRunning(id, time.GetUtcNow())))
            {
                return; // cancelled while it waited
            }

            var record = stores.Run(store => new AnalysisRepository(store).Find(id))!;
            LogStarted(id);
            var analysisOptions = configuration.GetSection("KnowledgeLoop:" + AnalysisOptions.SectionName).Get<AnalysisOptions>() ?? new AnalysisOptions();
            analysisOptions.Seed = record.Seed ?? analysisOptions.Seed;
            analysisOptions.Clusters = record.Clusters ?? analysisOptions.Clusters;
            analysisOptions.Metrics.AsOf = record.AsOf ?? analysisOptions.Metrics.AsOf;

            var token = run.Token;
            var (tickets, articles, sessions, previous, publications) = stores.Run(store => (
                store.ReadTickets(token).ToList(),
                store.ReadArticles(token).ToList(),
                store.ReadSessions(token).ToList(),
                new GapRepository(store).LoadLatest(),
                new ArticlePublicationRepository(store).List()));
            if (tickets.Count == 0)
            {
                End(id, AnalysisRunStatus.Failed, "there are no tickets to analyze; import some first.");
                return;
            }

            var progress = new AnalysisProgressReporter(id, stores, observer, token);
            using var cacheStore = ai.Options.RemoteEmbedder ? stores.Open() : null;
            var cache = cacheStore is null ? null : new SqliteEmbeddingCache(cacheStore);
            var result = await Task.Run(
                () => ai.AnalyzeAsync(new AnalysisInput(tickets, articles, sessions) { PreviousGaps = previous, Publications = publications }, analysisOptions, cache, progress, time, token),
                token);

            stores.Run(store => AnalysisStore.Save(store, result, tickets));
            var json = ReportJson.Serialize(result.Report);
            var finishedAt = time.GetUtcNow();
            stores.Run(store => new GapRepository(store).SaveRun(id, result.Geometry, finishedAt));
            stores.Run(store => new AnalysisRepository(store).MarkSucceeded(id, json, result.Report.Gaps?.Count ?? 0, finishedAt));
            reports.Remember(id, result.Report);
            await similar.ReplaceAsync(result, tickets, articles, stoppingToken);
            LogSucceeded(id, result.Report.Gaps?.Count ?? 0);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                End(id, AnalysisRunStatus.Failed, InterruptedReason);
            }
            else
            {
                End(id, AnalysisRunStatus.Cancelled, null);
                LogCancelled(id);
            }
        }
#pragma warning disable CA1031 // Any failure of one analysis ends that analysis, with its message, and never the worker.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(exception, id);
            End(id, AnalysisRunStatus.Failed, exception is ArgumentException or InvalidOperationException or StoreException or EmbeddingException or QdrantException
                ? exception.Message
                : $"{exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            queue.Untrack(id);
        }
    }

    private void End(string id, AnalysisRunStatus status, string? error) =>
        stores.Run(store => new AnalysisRepository(store).MarkEnded(id, status, error, time.GetUtcNow()));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} analyses of a previous run were left unfinished and are marked failed")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {Id} started")]
    private partial void LogStarted(string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {Id} succeeded with {Gaps} gaps")]
    private partial void LogSucceeded(string id, int gaps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {Id} cancelled")]
    private partial void LogCancelled(string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysis {Id} failed")]
    private partial void LogFailed(Exception exception, string id);
}
