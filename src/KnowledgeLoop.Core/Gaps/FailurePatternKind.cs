namespace KnowledgeLoop.Core.Gaps;

/// <summary>Whether a gap's failures are spread in proportion to volume or concentrated on a few agents or groups (DESIGN §4.7).</summary>
public enum FailurePatternKind
{
    /// <summary>Failures spread across agents and groups as their volume predicts: fix the docs.</summary>
    Systemic,

    /// <summary>Failures concentrated on a few agents or a group beyond what their volume explains: coach them.</summary>
    SkillBased,
}
