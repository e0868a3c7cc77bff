namespace KnowledgeLoop.Core.Tracking;

/// <summary>What the before/after comparison of a gap says about its article.</summary>
public enum ImpactVerdict
{
    /// <summary>FCR rose significantly (and more than the control gaps' did, when there are any).</summary>
    Improved,

    /// <summary>FCR fell significantly (and more than the control gaps' did, when there are any).</summary>
    Worsened,

    /// <summary>No significant change (or too few mature first contacts before the event to tell).</summary>
    NoChange,

    /// <summary>Too few mature first contacts since the event to judge yet.</summary>
    TooEarly,
}
