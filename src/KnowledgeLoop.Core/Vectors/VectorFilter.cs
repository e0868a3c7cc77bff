namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// Restricts a search; every set condition must hold (Qdrant's "must"). Null conditions are ignored.
/// </summary>
public sealed record VectorFilter
{
    /// <summary>Only points whose category is one of these.</summary>
    public IReadOnlyCollection<string>? Categories { get; init; }

    /// <summary>Only points whose outcome is one of these.</summary>
    public IReadOnlyCollection<string>? Outcomes { get; init; }

    /// <summary>Only points created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only points created before this time.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Never these ids (such as the query ticket itself).</summary>
    public IReadOnlyCollection<string>? ExcludedIds { get; init; }

    /// <summary>Whether a point with this id and payload passes.</summary>
    public bool Matches(string id, VectorPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (Categories is not null && (payload.Category is null || !Categories.Contains(payload.Category)))
        {
            return false;
        }

        if (Outcomes is not null && (payload.Outcome is null || !Outcomes.Contains(payload.Outcome)))
        {
            return false;
        }

        if ((CreatedFrom is not null || CreatedBefore is not null) && payload.CreatedAt is null)
        {
            return false;
        }

        if (CreatedFrom is { } from && payload.CreatedAt < from)
        {
            return false;
        }

        if (CreatedBefore is { } before && payload.CreatedAt >= before)
        {
            return false;
        }

        return ExcludedIds is null || !ExcludedIds.Contains(id);
    }
}
