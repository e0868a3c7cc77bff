using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Search;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// Keeps what an analysis learned in the store: the fitted embedder (so queries embed into the same space) and every
/// ticket's vector with its category, date and FCR outcome (so similar-case search can split what worked from what
/// didn't). A new analysis replaces both.
/// </summary>
public static class AnalysisStore
{
    /// <summary>The model's name in the store.</summary>
    public const string ModelName = "embedder";

    /// <summary>The model kind recorded when a remote embedder gave the vectors.</summary>
    public const string RemoteKind = "remote:";

    /// <summary>The vector space of ticket vectors.</summary>
    public const string TicketSpace = "tickets";

    /// <summary>Saves the analysis's model and ticket vectors.</summary>
    public static void Save(KnowledgeStore store, AnalysisResult result, IReadOnlyList<Ticket> tickets)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tickets);
        if (tickets.Count != result.TicketVectors.Rows)
        {
            throw new ArgumentException($"{tickets.Count} tickets but {result.TicketVectors.Rows} vectors.", nameof(tickets));
        }

        var repository = new VectorRepository(store);
        if (result.Model is null)
        {
            // A remote embedder's vectors: similar-case search can't embed queries into that space without it, so the
            // store keeps a marker instead of a model, and OpenSearch says so.
            repository.SaveModel(ModelName, RemoteKind + (result.Report.Analysis?.Embedder ?? "remote"), []);
        }
        else
        {
            using var buffer = new MemoryStream();
            result.Model.Save(buffer);
            repository.SaveModel(ModelName, result.Model.ModelId, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        repository.ReplaceSpace(TicketSpace, Enumerable.Range(0, tickets.Count).Select(i => new VectorItem(
            tickets[i].Id,
            result.TicketVectors.RowMemory(i),
            new VectorPayload(tickets[i].Category, tickets[i].CreatedAt, result.Outcomes[i].Fcr.ToContractName()))));
    }

    /// <summary>
    /// The local embedder the last analysis fitted, or null when none has run or the last one embedded remotely
    /// (<paramref name="remote"/> says which).
    /// </summary>
    public static LsaModel? LoadModel(KnowledgeStore store, out bool remote)
    {
        ArgumentNullException.ThrowIfNull(store);
        var bytes = new VectorRepository(store).LoadModel(ModelName);
        remote = bytes is { Length: 0 };
        if (bytes is null || remote)
        {
            return null;
        }

        using var stream = new MemoryStream(bytes, writable: false);
        return LsaModel.Load(stream);
    }

    /// <summary>
    /// The ticket vectors of the last analysis, one index per FCR outcome: the graph the service saved for an outcome when
    /// its fingerprint (model, ids and vectors) still matches, else an exact scan of that outcome's vectors. Nothing is
    /// built or written here: a one-shot command would pay more to build a graph than to scan.
    /// </summary>
    public static OutcomePartitionedIndex LoadTicketIndex(KnowledgeStore store, int dimensions, string modelId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var items = new VectorRepository(store).ReadSpace(TicketSpace).ToList();
        return OutcomePartitionedIndex.Build(dimensions, items, Exact, new SimilarGraphCache(store), modelId);

        static IVectorIndex Exact(int dimensions, IReadOnlyCollection<VectorItem> members)
        {
            var index = new ExactVectorIndex(dimensions, Math.Max(1, members.Count));
            index.Upsert(members);
            return index;
        }
    }

    /// <summary>The similar-case search over the last analysis in the store, or null when none has run.</summary>
    public static SimilarCaseSearch? OpenSearch(KnowledgeStore store)
    {
        var model = LoadModel(store, out var remote);
        if (remote)
        {
            throw new StoreException(
                "The last analysis in this store used a remote embedder; similar-case search needs the local one. Run 'knowledgeloop analyze' with the local embedder (without KNOWLEDGELOOP__AI__EMBEDDER=openai) to search.");
        }

        if (model is null)
        {
            return null;
        }

        var index = LoadTicketIndex(store, model.Dimensions, model.ModelId);
        return new SimilarCaseSearch(model, index, store.FindTicket, store.ReadArticles().ToList());
    }
}
