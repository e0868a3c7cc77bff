namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// Where each helpdesk export keeps each field (reference: protocols.md §3). A field lists its source columns in order of
/// preference; the first non-empty one wins. JSON objects are flattened to dotted paths (<c>via.channel</c>), so one list
/// serves an export's JSON and its CSV labels alike. Column names are compared ignoring case, spaces and underscores.
/// </summary>
internal static class ExportPresets
{
    /// <summary>Array properties of an API envelope that hold the records.</summary>
    public static readonly string[] Wrappers = ["tickets", "articles", "sessions", "issues", "result", "records", "results", "data", "items", "incidents", "ticket_metrics"];

    /// <summary>Date formats tried after ISO 8601 for an export; ServiceNow instances are often set to dd-MM-yyyy.</summary>
    public static string[] DateFormats(ImportFormat format) => format switch
    {
        ImportFormat.ServiceNow => ["dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy HH:mm", "dd-MM-yyyy"],
        _ => [],
    };

    /// <summary>The ticket field sources of an export.</summary>
    public static IReadOnlyDictionary<string, string[]> Tickets(ImportFormat format) => format switch
    {
        ImportFormat.Zendesk => ZendeskTickets,
        ImportFormat.Freshdesk => FreshdeskTickets,
        ImportFormat.Jira => JiraTickets,
        ImportFormat.ServiceNow => ServiceNowTickets,
        _ => GenericTickets,
    };

    /// <summary>Columns a preset reads itself (changelogs, comments, ADF bodies) and does not keep as attributes.</summary>
    public static string[] TicketIgnoredPrefixes(ImportFormat format) => format switch
    {
        ImportFormat.Jira => ["changelog", "fields.comment", "fields.description", "renderedFields", "self", "fields.watches", "fields.votes"],
        ImportFormat.Zendesk => ["metric_set", .. TicketMessages.Properties],
        ImportFormat.Generic => TicketMessages.Properties,
        _ => [],
    };

    /// <summary>The article field sources of an export.</summary>
    public static IReadOnlyDictionary<string, string[]> Articles(ImportFormat format) => format switch
    {
        ImportFormat.Zendesk => ZendeskArticles,
        _ => GenericArticles,
    };

    /// <summary>The session field sources (every export uses the generic contract).</summary>
    public static IReadOnlyDictionary<string, string[]> Sessions => GenericSessions;

    private static readonly Dictionary<string, string[]> GenericTickets = new()
    {
        [FieldNames.Group] = ["group", "group_name"],
    };

    private static readonly Dictionary<string, string[]> GenericArticles = new()
    {
        [FieldNames.Tags] = ["tags", "labels"],
    };

    private static readonly Dictionary<string, string[]> GenericSessions = new()
    {
        [FieldNames.ViewedArticleIds] = ["viewed_article_ids", "viewed_articles"],
    };

    // Zendesk Support ticket JSON; metrics come from the ticket metrics file or a side-loaded metric_set.
    private static readonly Dictionary<string, string[]> ZendeskTickets = new()
    {
        [FieldNames.Id] = ["id"],
        [FieldNames.CreatedAt] = ["created_at"],
        [FieldNames.CustomerId] = ["requester_id", "requester.id", "requester.email"],
        [FieldNames.Subject] = ["subject", "raw_subject"],
        [FieldNames.Description] = ["description"],
        [FieldNames.ResolvedAt] = [],
        [FieldNames.Status] = ["status"],
        [FieldNames.Channel] = ["via.channel"],
        [FieldNames.Category] = [],
        [FieldNames.Product] = [],
        [FieldNames.Priority] = ["priority"],
        [FieldNames.Group] = ["group_id"],
        [FieldNames.Agent] = ["assignee_id"],
        [FieldNames.Resolution] = [],
        [FieldNames.ReopenCount] = ["metric_set.reopens"],
        [FieldNames.Escalated] = [],
        [FieldNames.EscalationLevel] = [],
        [FieldNames.GroupTransfers] = [],
        [FieldNames.Replies] = ["metric_set.replies"],
        [FieldNames.LinkedArticleIds] = [],
        [FieldNames.Csat] = ["satisfaction_rating.score"],
        [FieldNames.ResolvedBy] = [],
    };

    // Zendesk Guide article JSON: bodies are HTML; edited_at is the last content edit (updated_at moves on votes too).
    private static readonly Dictionary<string, string[]> ZendeskArticles = new()
    {
        [FieldNames.Id] = ["id"],
        [FieldNames.Title] = ["title", "name"],
        [FieldNames.Body] = ["body"],
        [FieldNames.Url] = ["html_url", "url"],
        [FieldNames.UpdatedAt] = ["edited_at", "updated_at"],
        [FieldNames.CreatedAt] = ["created_at"],
        [FieldNames.Tags] = ["label_names"],
        [FieldNames.Section] = ["section_id"],
    };

    // Freshdesk Tickets → Export CSV; Freshservice spells some headers differently, the comparison ignores case.
    private static readonly Dictionary<string, string[]> FreshdeskTickets = new()
    {
        [FieldNames.Id] = ["Ticket ID"],
        [FieldNames.CreatedAt] = ["Created time"],
        [FieldNames.CustomerId] = ["Contact ID", "Email", "Requester email", "Full name", "Requester name"],
        [FieldNames.Subject] = ["Subject"],
        [FieldNames.Description] = ["Description"],
        [FieldNames.ResolvedAt] = ["Resolved time", "Closed time"],
        [FieldNames.Status] = ["Status"],
        [FieldNames.Channel] = ["Source"],
        [FieldNames.Category] = ["Type", "Category"],
        [FieldNames.Product] = ["Product"],
        [FieldNames.Priority] = ["Priority"],
        [FieldNames.Group] = ["Group"],
        [FieldNames.Agent] = ["Agent"],
        [FieldNames.Resolution] = ["Resolution notes", "Resolution"],
        [FieldNames.ReopenCount] = ["Reopen count"],
        [FieldNames.Escalated] = ["Escalated", "Is escalated"],
        [FieldNames.EscalationLevel] = [],
        [FieldNames.GroupTransfers] = [],
        [FieldNames.Replies] = ["Agent interactions"],
        [FieldNames.LinkedArticleIds] = [],
        [FieldNames.Csat] = [],
        [FieldNames.ResolvedBy] = [],
    };

    // Jira issue JSON (REST v2/v3, expand=changelog) and the issue navigator's CSV labels.
    private static readonly Dictionary<string, string[]> JiraTickets = new()
    {
        [FieldNames.Id] = ["key", "Issue key"],
        [FieldNames.CreatedAt] = ["fields.created", "Created"],
        [FieldNames.CustomerId] = ["fields.reporter.accountId", "fields.reporter.emailAddress", "fields.reporter.name", "fields.reporter.displayName", "Reporter"],
        [FieldNames.Subject] = ["fields.summary", "Summary"],
        [FieldNames.Description] = ["fields.description", "Description"],
        [FieldNames.ResolvedAt] = ["fields.resolutiondate", "Resolved"],
        [FieldNames.Status] = ["fields.status.name", "Status"],
        [FieldNames.Channel] = ["fields.customfield_10010.requestType.name", "Custom field (Request Type)"],
        [FieldNames.Category] = ["fields.issuetype.name", "Issue Type"],
        [FieldNames.Product] = ["fields.project.name", "Project name"],
        [FieldNames.Priority] = ["fields.priority.name", "Priority"],
        [FieldNames.Group] = [],
        [FieldNames.Agent] = ["fields.assignee.displayName", "fields.assignee.name", "Assignee"],
        [FieldNames.Resolution] = ["fields.resolution.name", "Resolution"],
        [FieldNames.ReopenCount] = [],
        [FieldNames.Escalated] = [],
        [FieldNames.EscalationLevel] = [],
        [FieldNames.GroupTransfers] = [],
        [FieldNames.Replies] = [],
        [FieldNames.LinkedArticleIds] = [],
        [FieldNames.Csat] = ["fields.customfield_10020.rating", "Satisfaction rating"],
        [FieldNames.ResolvedBy] = [],
    };

    // ServiceNow incident: Table API JSON (plain, {value, link} references or display_value=all) and list-view CSV
    // with column names or labels.
    private static readonly Dictionary<string, string[]> ServiceNowTickets = new()
    {
        [FieldNames.Id] = Reference("number", "Number"),
        [FieldNames.CreatedAt] = ["opened_at", "Opened", "sys_created_on", "sys_created_at", "Created"],
        [FieldNames.CustomerId] = Reference("caller_id", "Caller"),
        [FieldNames.Subject] = ["short_description", "Short description"],
        [FieldNames.Description] = ["description", "Description"],
        [FieldNames.ResolvedAt] = ["resolved_at", "Resolved", "closed_at", "Closed"],
        [FieldNames.Status] = Reference("incident_state", "Incident state", "state", "State"),
        [FieldNames.Channel] = Reference("contact_type", "Channel", "Contact type"),
        [FieldNames.Category] = Reference("category", "Category"),
        [FieldNames.Product] = Reference("business_service", "Service", "cmdb_ci", "Configuration item"),
        [FieldNames.Priority] = Reference("priority", "Priority"),
        [FieldNames.Group] = Reference("assignment_group", "Assignment group"),
        [FieldNames.Agent] = Reference("assigned_to", "Assigned to"),
        [FieldNames.Resolution] = ["close_notes", "Resolution notes", "Close notes"],
        [FieldNames.ReopenCount] = ["reopen_count", "Reopen count"],
        [FieldNames.Escalated] = [],
        [FieldNames.EscalationLevel] = Reference("escalation", "Escalation"),
        [FieldNames.GroupTransfers] = ["reassignment_count", "Reassignment count"],
        [FieldNames.Replies] = [],
        [FieldNames.LinkedArticleIds] = [],
        [FieldNames.Csat] = [],
        [FieldNames.ResolvedBy] = [], // resolved_by is a user reference there, kept as an attribute
    };

    /// <summary>The ServiceNow columns that order one incident's update rows: the update counter, then the update time.</summary>
    public static readonly string[] ServiceNowOrder = ["sys_mod_count", "sys_updated_on", "sys_updated_at", "Updated"];

    /// <summary>ServiceNow's numeric incident states, for exports made without display values.</summary>
    public static string? ServiceNowState(string? state) => state switch
    {
        "1" => "New",
        "2" => "In Progress",
        "3" => "On Hold",
        "6" => "Resolved",
        "7" => "Closed",
        "8" => "Canceled",
        _ => state,
    };

    // A reference field as a plain column, a display_value=all object or a {link, value} object.
    private static string[] Reference(params string[] names) =>
        names.SelectMany(n => n.Contains(' ', StringComparison.Ordinal) || char.IsUpper(n[0]) ? new[] { n } : [n, n + ".display_value", n + ".value"]).ToArray();
}
