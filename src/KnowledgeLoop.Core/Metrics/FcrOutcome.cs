namespace KnowledgeLoop.Core.Metrics;

/// <summary>Where a ticket stands in the FCR count.</summary>
public enum FcrOutcome
{
    /// <summary>A mature first contact resolved with no reopen, escalation or follow-up.</summary>
    Success,

    /// <summary>A mature first contact that was reopened, escalated, followed up, or is still unresolved.</summary>
    Failure,

    /// <summary>A first contact whose window has not elapsed by as_of: counted apart.</summary>
    Immature,

    /// <summary>A follow-up: not in the FCR population.</summary>
    NotFirstContact,
}
