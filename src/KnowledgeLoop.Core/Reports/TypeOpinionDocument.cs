namespace KnowledgeLoop.Core.Reports;

/// <summary>A chat model's second opinion on a borderline gap type (the <c>review_gap_type</c> prompt).</summary>
public sealed record TypeOpinionDocument
{
    /// <summary>The type the model would give: missing, ineffective, outdated, findability, process or duplicate.</summary>
    public required string Type { get; init; }

    /// <summary>Whether it agrees with the rule-based type.</summary>
    public required bool Agrees { get; init; }

    /// <summary>Its reason, citing the evidence.</summary>
    public required string Reason { get; init; }
}
