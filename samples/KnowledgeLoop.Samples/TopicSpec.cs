namespace KnowledgeLoop.Samples;

/// <summary>
/// One ticket topic of the fictional company: how often it comes in, how often the first answer fails and how,
/// the words customers use (subjects, problems, details, search queries) and the article(s) covering it.
/// </summary>
internal sealed record TopicSpec
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The helpdesk category (follow-ups are matched on it).</summary>
    public required string Category { get; init; }

    public required string Product { get; init; }

    /// <summary>The group that takes the ticket first.</summary>
    public string Group { get; init; } = "tier1";

    /// <summary>The group an escalated ticket ends in.</summary>
    public string EscalationGroup { get; init; } = "tier2";

    public TopicRole Role { get; init; } = TopicRole.Covered;

    /// <summary>Relative share of first contacts.</summary>
    public required double Weight { get; init; }

    /// <summary>Probability that a first contact fails (reopen, escalation or follow-up).</summary>
    public required double FailureRate { get; init; }

    /// <summary>Failure rate once the mid-period article is out (PublishedMidPeriod only).</summary>
    public double? FailureRateAfter { get; init; }

    /// <summary>Relative weights of the failure modes: reopen, escalation, follow-up.</summary>
    public (double Reopen, double Escalation, double FollowUp) Modes { get; init; } = (0.35, 0.3, 0.35);

    /// <summary>Share of resolved tickets that link the topic's article (when one is published).</summary>
    public double LinkRate { get; init; } = 0.55;

    /// <summary>Share of the topic's self-service sessions not followed by a ticket within 72 h.</summary>
    public double Deflection { get; init; } = 0.78;

    /// <summary>Deflection once the mid-period article is out (PublishedMidPeriod only).</summary>
    public double? DeflectionAfter { get; init; }

    /// <summary>Share of high/urgent priority.</summary>
    public double UrgentShare { get; init; } = 0.15;

    /// <summary>Whether the chat bot answers some of these tickets.</summary>
    public bool BotEligible { get; init; }

    public required IReadOnlyList<string> Subjects { get; init; }

    public required IReadOnlyList<string> Problems { get; init; }

    public required IReadOnlyList<string> Details { get; init; }

    public IReadOnlyList<string> Tried { get; init; } = [];

    public required IReadOnlyList<string> Resolutions { get; init; }

    public required IReadOnlyList<string> Queries { get; init; }

    public IReadOnlyDictionary<string, string[]> Slots { get; init; } = new Dictionary<string, string[]>();

    public IReadOnlyList<ArticleSpec> Articles { get; init; } = [];

    /// <summary>Articles customers and agents land on instead (near misses) when this topic's own article fails them.</summary>
    public IReadOnlyList<string> NearMissArticleIds { get; init; } = [];

    /// <summary>What the analysis should find for this topic, in words (ground truth).</summary>
    public string? Expectation { get; init; }
}
