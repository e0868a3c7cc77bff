namespace KnowledgeLoop.Core.Gaps;

/// <summary>Whether a gap is systemic or skill-based, with the test behind the verdict and the agents or groups named.</summary>
public sealed record FailurePattern
{
    /// <summary>Systemic or skill-based.</summary>
    public required FailurePatternKind Kind { get; init; }

    /// <summary>"systemic" or "skill_based" (the report contract's names).</summary>
    public string ContractName => Kind == FailurePatternKind.SkillBased ? "skill_based" : "systemic";

    /// <summary>The test and its numbers in words.</summary>
    public required string Reason { get; init; }

    /// <summary>The test across agents; null when fewer than two categories could be tested.</summary>
    public ChiSquareTest? AgentTest { get; init; }

    /// <summary>The test across groups; null when fewer than two categories could be tested.</summary>
    public ChiSquareTest? GroupTest { get; init; }

    /// <summary>The agents and groups whose failures exceed expectation significantly (empty when systemic).</summary>
    public required IReadOnlyList<FailureConcentration> Concentrated { get; init; }
}
