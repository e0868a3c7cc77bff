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

    /// <summary>The similar-case search over the last analysis in the store, or null when none has run.</summary>
    public static SimilarCaseSearch? OpenSearch(KnowledgeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var repository = new VectorRepository(store);
        var bytes = repository.LoadModel(ModelName);
        if (bytes is null)
        {
            return null;
        }

        if (bytes.Length == 0)
        {
            throw new StoreException(
                "The last analysis in this store used a remote embedder; similar-case search needs the local one. Run 'knowledgeloop analyze' with the local embedder (without KNOWLEDGELOOP__AI__EMBEDDER=openai) to search.");
        }

        LsaModel model;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            model = LsaModel.Load(stream);
        }

        var index = repository.LoadIndex(TicketSpace) ?? new ExactVectorIndex(model.Dimensions);
        return new SimilarCaseSearch(model, index, store.FindTicket, store.ReadArticles().ToList());
    }
}
