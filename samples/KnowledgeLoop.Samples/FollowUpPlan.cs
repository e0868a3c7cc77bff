namespace KnowledgeLoop.Samples;

/// <summary>A follow-up waiting for its day: what it needs from the parent, without holding the parent row.</summary>
internal sealed record FollowUpPlan(
    DateTime CreatedAt,
    int Contact,
    CompiledTopic Topic,
    string ParentId,
    string ParentSubject,
    string ParentChannel,
    DateTime ParentResolvedAt,
    string ParentResolution,
    string ParentAgent,
    bool ParentAlreadyFailed,
    DateTime ParentCreatedAt);
