using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>Where the customers of one gap went next (see <see cref="NextIssuePaths"/> for the definition).</summary>
public sealed record GapNextIssues
{
    /// <summary>The gap's index.</summary>
    public required int Gap { get; init; }

    /// <summary>The gap's resolved tickets whose NIA window has ended by as_of: the denominator of every share.</summary>
    public required int MatureResolved { get; init; }

    /// <summary>Of <see cref="MatureResolved"/>, those after which the customer opened any new ticket within the window (1 − NIA).</summary>
    public required int WithNextIssue { get; init; }

    /// <summary>Mature resolved tickets with no new ticket in the same gap within the window ÷ mature resolved tickets; null with none mature.</summary>
    public required Rate? RelatedNia { get; init; }

    /// <summary>Every target (this gap itself and <see cref="NextIssuePaths.Unclustered"/> included), most tickets first, then by gap index (unclustered last).</summary>
    public required IReadOnlyList<NextIssueTarget> Targets { get; init; }
}
