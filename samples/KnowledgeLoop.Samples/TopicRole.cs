namespace KnowledgeLoop.Samples;

/// <summary>What a topic is planted to show in the analysis (recorded in ground_truth.json).</summary>
internal enum TopicRole
{
    /// <summary>An ordinary topic with a decent article.</summary>
    Covered,

    /// <summary>The control: a well covered topic with a low failure rate.</summary>
    Control,

    /// <summary>No article at all: high failure, sessions rarely deflect.</summary>
    Missing,

    /// <summary>An article exists and is linked, yet tickets still reopen and come back.</summary>
    Ineffective,

    /// <summary>An article exists but customers and agents use other words, so nobody finds or links it.</summary>
    Findability,

    /// <summary>The article is fine and linked; failures are escalations because the fix needs another team.</summary>
    Process,

    /// <summary>Two overlapping articles cover the topic.</summary>
    Duplicate,

    /// <summary>The article is published mid-period; the failure rate drops afterwards.</summary>
    PublishedMidPeriod,

    /// <summary>A new topic, no article, surging in the last month.</summary>
    Emerging,
}
