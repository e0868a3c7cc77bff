namespace KnowledgeLoop.Samples;

/// <summary>A knowledge-base article as the generator writes it to <c>articles/*.md</c>.</summary>
internal sealed record ArticleSpec
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Section { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>First publication; null means "published mid-period" (computed from the options).</summary>
    public DateOnly? CreatedAt { get; init; }

    public DateOnly? UpdatedAt { get; init; }

    public required string Intro { get; init; }

    public IReadOnlyList<string> Steps { get; init; } = [];

    public IReadOnlyList<string> Troubleshooting { get; init; } = [];

    public string? Note { get; init; }
}
