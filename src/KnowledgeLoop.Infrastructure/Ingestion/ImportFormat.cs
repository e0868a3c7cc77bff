namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>The export a file comes from; picks the column mapping preset.</summary>
public enum ImportFormat
{
    /// <summary>KnowledgeLoop's own CSV/JSON contract (DESIGN §9).</summary>
    Generic,

    /// <summary>Zendesk Support tickets (+ ticket metrics) and Zendesk Guide articles, as API JSON.</summary>
    Zendesk,

    /// <summary>Freshdesk's ticket CSV export.</summary>
    Freshdesk,

    /// <summary>Jira issues JSON with changelog.</summary>
    Jira,

    /// <summary>ServiceNow incident export (one row per update collapses to the latest state).</summary>
    ServiceNow,
}
