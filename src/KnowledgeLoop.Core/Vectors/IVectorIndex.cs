namespace KnowledgeLoop.Core.Vectors;

/// <summary>What a stored vector carries besides itself, for filtering and for showing a hit.</summary>
/// <param name="Category">The ticket's category (or an article's section).</param>
/// <param name="CreatedAt">When the item was created.</param>
/// <param name="Outcome">The ticket's FCR outcome: success, failure, immature or follow_up.</param>
public sealed record VectorPayload(string? Category = null, DateTimeOffset? CreatedAt = null, string? Outcome = null);

/// <summary>An item to index.</summary>
/// <param name="Id">The item's id (a ticket id, or an article chunk id).</param>
/// <param name="Vector">Its embedding.</param>
/// <param name="Payload">Its payload.</param>
public sealed record VectorItem(string Id, ReadOnlyMemory<float> Vector, VectorPayload Payload);

/// <summary>A search result.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Score">Cosine similarity to the query (vectors are unit length).</param>
/// <param name="Payload">The item's payload.</param>
public sealed record VectorHit(string Id, double Score, VectorPayload Payload);

/// <summary>Which items a search may return; null members don't filter.</summary>
/// <param name="Categories">Only these categories.</param>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedBefore">Created before.</param>
/// <param name="Outcomes">Only these outcomes.</param>
public sealed record VectorFilter(
    IReadOnlySet<string>? Categories = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedBefore = null,
    IReadOnlySet<string>? Outcomes = null)
{
    /// <summary>Whether <paramref name="payload"/> passes the filter.</summary>
    public bool Matches(VectorPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return (Categories is null || (payload.Category is not null && Categories.Contains(payload.Category)))
            && (CreatedFrom is null || (payload.CreatedAt is { } from && from >= CreatedFrom))
            && (CreatedBefore is null || (payload.CreatedAt is { } before && before < CreatedBefore))
            && (Outcomes is null || (payload.Outcome is not null && Outcomes.Contains(payload.Outcome)));
    }
}

/// <summary>
/// A store of vectors searched by cosine similarity with payload filters: the seam between the embedded exact
/// index and a vector database such as Qdrant (DESIGN §6–7). Ids are strings, payloads small records.
/// </summary>
public interface IVectorIndex
{
    /// <summary>How many items the index holds.</summary>
    int Count { get; }

    /// <summary>The vector length every item must have.</summary>
    int Dimensions { get; }

    /// <summary>Adds the items, replacing those with the same id.</summary>
    Task UpsertAsync(IReadOnlyCollection<VectorItem> items, CancellationToken cancellationToken = default);

    /// <summary>Removes the items with these ids (unknown ids are ignored).</summary>
    Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="k"/> items most similar to <paramref name="query"/> that pass <paramref name="filter"/>, best first (ties by id).</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int k, VectorFilter? filter = null, CancellationToken cancellationToken = default);
}
