namespace KnowledgeLoop.Core.Metrics;

/// <summary>Why a ticket did not resolve on first contact; observed on every ticket, whatever its maturity.</summary>
[Flags]
public enum FcrFailureReasons
{
    /// <summary>Nothing went wrong (so far).</summary>
    None = 0,

    /// <summary>Reopened at least once.</summary>
    Reopened = 1,

    /// <summary>Escalated, raised above level 0, or transferred between groups.</summary>
    Escalated = 2,

    /// <summary>The same customer opened a ticket in the same category within the window after its resolution.</summary>
    FollowedUp = 4,

    /// <summary>Still unresolved after the window (set only once created_at + window ≤ as_of).</summary>
    Unresolved = 8,
}
