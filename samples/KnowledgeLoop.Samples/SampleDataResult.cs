namespace KnowledgeLoop.Samples;

/// <summary>What a generation run wrote: counts and file paths.</summary>
public sealed record SampleDataResult
{
    /// <summary>Rows in tickets.csv.</summary>
    public required long Tickets { get; init; }

    /// <summary>Tickets that are planted follow-ups of an earlier ticket.</summary>
    public required long FollowUps { get; init; }

    /// <summary>Rows in sessions.csv.</summary>
    public required long Sessions { get; init; }

    /// <summary>Markdown files in the articles folder.</summary>
    public required int Articles { get; init; }

    /// <summary>Customer contacts available to the generator.</summary>
    public required int Customers { get; init; }

    /// <summary>First day of the period.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>First day after the period.</summary>
    public required DateOnly End { get; init; }

    /// <summary>The output folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>tickets.csv (generic contract, DESIGN §9).</summary>
    public required string TicketsPath { get; init; }

    /// <summary>sessions.csv.</summary>
    public required string SessionsPath { get; init; }

    /// <summary>The folder of Markdown articles.</summary>
    public required string ArticlesDirectory { get; init; }

    /// <summary>Ground truth: ticket id to topic.</summary>
    public required string TicketTopicsPath { get; init; }

    /// <summary>Ground truth: session id to topic.</summary>
    public required string SessionTopicsPath { get; init; }

    /// <summary>Ground truth: topics and planted gaps.</summary>
    public required string GroundTruthPath { get; init; }
}
