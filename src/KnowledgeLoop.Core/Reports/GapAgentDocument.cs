namespace KnowledgeLoop.Core.Reports;

/// <summary>One agent's (or group's) share of a gap's failures against what their volume predicts.</summary>
public sealed record GapAgentDocument
{
    /// <summary>The agent, or the group when <see cref="Kind"/> is "group".</summary>
    public required string Name { get; init; }

    /// <summary>"agent" or "group".</summary>
    public required string Kind { get; init; }

    /// <summary>The gap's mature first contacts this agent handled.</summary>
    public required long Tickets { get; init; }

    /// <summary>Of those, failures.</summary>
    public required long Failures { get; init; }

    /// <summary>Failures expected from the agent's volume at the gap's failure rate.</summary>
    public required double ExpectedFailures { get; init; }
}
