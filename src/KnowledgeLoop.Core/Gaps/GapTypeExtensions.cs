namespace KnowledgeLoop.Core.Gaps;

/// <summary>The report contract's names for <see cref="GapType"/> (DESIGN §9).</summary>
public static class GapTypeExtensions
{
    /// <summary>"missing", "ineffective", "outdated", "findability", "process" or "duplicate".</summary>
    public static string ToContractName(this GapType type) => type switch
    {
        GapType.Missing => "missing",
        GapType.Ineffective => "ineffective",
        GapType.Outdated => "outdated",
        GapType.Findability => "findability",
        GapType.Process => "process",
        GapType.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown gap type."),
    };
}
