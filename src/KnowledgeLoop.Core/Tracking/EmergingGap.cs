namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// A provisional gap raised between runs from a dense group of new failures that fit none of the run's gaps. Its id is
/// <c>emerging-</c> and a hash of its member ids, so it stays the same while the group does; the next full run
/// clusters these tickets like any others and gives them ordinary gap ids.
/// </summary>
public sealed record EmergingGap
{
    /// <summary><c>emerging-</c> and the first 12 hex digits of the SHA-256 of the sorted member ids.</summary>
    public required string Id { get; init; }

    /// <summary>A short title from <see cref="Keywords"/>.</summary>
    public required string Title { get; init; }

    /// <summary>The group's top class-TF-IDF words, best first.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>The member tickets, sorted ordinally.</summary>
    public required IReadOnlyList<string> TicketIds { get; init; }

    /// <summary>When a group with these members was first raised.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
