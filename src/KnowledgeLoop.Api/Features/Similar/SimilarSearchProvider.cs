using System.Diagnostics;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Search;
using KnowledgeLoop.Core.Text;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>
/// The similar-case search of the latest analysis, held in memory so a query never reads the disk: loaded from the
/// store on first use, and swapped atomically when an analysis succeeds. Hits are looked up in an in-memory map of
/// slimmed tickets (the fields a hit shows, the description replaced by the response's excerpt).
/// </summary>
internal sealed partial class SimilarSearchProvider(KnowledgeStoreFactory stores, IVectorIndexFactory indexes, ILogger<SimilarSearchProvider> logger) : IDisposable
{
    private readonly SimilarGraphCache _graphs = new(stores);

    private static readonly long RetryInterval = Stopwatch.Frequency * 5;
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    private readonly SemaphoreSlim _loading = new(1, 1);
    private SimilarSnapshot? _current;
    private long _nextLoad;

    /// <summary>The current search, loading it from the store the first time; null when no analysis has run.</summary>
    public async ValueTask<SimilarSnapshot?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        // Without an analysis, look again at most every few seconds (another process may analyze the same store).
        if (Stopwatch.GetTimestamp() < Interlocked.Read(ref _nextLoad))
        {
            return null;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _current) is { } loaded)
            {
                return loaded;
            }

            var snapshot = await Task.Run(() => Load(cancellationToken), cancellationToken);
            if (snapshot is null)
            {
                Interlocked.Exchange(ref _nextLoad, Stopwatch.GetTimestamp() + RetryInterval);
                return null;
            }

            // An analysis that finished meanwhile wins over what was read from the store.
            return Interlocked.CompareExchange(ref _current, snapshot, null) ?? snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Swaps in the search of a just-finished analysis.</summary>
    public async Task ReplaceAsync(AnalysisResult result, IReadOnlyList<Ticket> tickets, IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        if (result.Model is null)
        {
            // A remote embedder's vectors can't be queried with the local model: no similar-case search until a local run.
            Volatile.Write(ref _current, null);
            return;
        }

        var items = new VectorItem[tickets.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new VectorItem(
                tickets[i].Id,
                result.TicketVectors.RowMemory(i),
                new VectorPayload(tickets[i].Category, tickets[i].CreatedAt, result.Outcomes[i].Fcr.ToContractName()));
        }

        var index = await Task.Run(() => OutcomePartitionedIndex.Build(result.Model.Dimensions, items, indexes.Build, _graphs, result.Model.ModelId), cancellationToken);
        var snapshot = Build(result.Model, index, tickets, articles);
        Volatile.Write(ref _current, snapshot);
        LogSwapped(snapshot.TicketCount);
    }

    public void Dispose() => _loading.Dispose();

    private SimilarSnapshot? Load(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var store = stores.Open();
        var repository = new VectorRepository(store);
        if (AnalysisStore.LoadModel(store, out _) is not { } model)
        {
            return null; // No analysis yet, or a remote embedder's (its vectors can't be queried with the local model).
        }

        var index = OutcomePartitionedIndex.Build(model.Dimensions, repository.ReadSpace(AnalysisStore.TicketSpace).ToList(), indexes.Build, _graphs, model.ModelId);
        var snapshot = Build(model, index, store.ReadTickets(cancellationToken).ToList(), store.ReadArticles(cancellationToken).ToList());
        LogLoaded(snapshot.TicketCount, clock.ElapsedMilliseconds);
        return snapshot;
    }

    private static SimilarSnapshot Build(LsaModel model, OutcomePartitionedIndex index, IReadOnlyList<Ticket> tickets, IReadOnlyList<Article> articles)
    {
        var byId = new Dictionary<string, Ticket>(tickets.Count, StringComparer.Ordinal);
        foreach (var ticket in tickets)
        {
            byId[ticket.Id] = Slim(ticket);
        }

        var linked = new Dictionary<string, LinkedArticle>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            linked[article.Id] = new LinkedArticle(article.Id, article.Title, article.Url);
        }

        var search = new SimilarCaseSearch(model, index, id => byId.GetValueOrDefault(id), articles);
        return new SimilarSnapshot(search, linked, index.Count);
    }

    /// <summary>The fields a hit shows; the description is replaced by the response's excerpt, made once here instead of per request.</summary>
    private static Ticket Slim(Ticket ticket) => ticket with
    {
        Description = SimilarEndpoints.Excerpt(ticket),
        Messages = [],
        Attributes = NoAttributes,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Similar-case search loaded from the store: {Tickets} tickets in {Milliseconds} ms")]
    private partial void LogLoaded(int tickets, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Similar-case search swapped to the new analysis: {Tickets} tickets")]
    private partial void LogSwapped(int tickets);
}
