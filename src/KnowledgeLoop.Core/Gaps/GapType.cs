namespace KnowledgeLoop.Core.Gaps;

/// <summary>What kind of knowledge gap a cluster of failed tickets is (DESIGN §4.7); each type implies a different fix.</summary>
public enum GapType
{
    /// <summary>No article answers the topic: create one.</summary>
    Missing,

    /// <summary>An article matches and is linked, yet the tickets that link it still fail: rewrite it.</summary>
    Ineffective,

    /// <summary>The matching article was last changed before the topic's surge and stopped working: update it.</summary>
    Outdated,

    /// <summary>An article answers the topic but is rarely linked and rarely deflects: fix titles, search terms, placement.</summary>
    Findability,

    /// <summary>Articles are fine and linked; failures are escalations or transfers: routing, permissions or a defect.</summary>
    Process,

    /// <summary>Two articles match almost equally and resemble each other: merge them.</summary>
    Duplicate,
}
