namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>The field names of the generic contract (DESIGN §9) and how source column names are compared with them.</summary>
internal static class FieldNames
{
    public const string Id = "id";
    public const string CreatedAt = "created_at";
    public const string CustomerId = "customer_id";
    public const string Subject = "subject";
    public const string Description = "description";
    public const string ResolvedAt = "resolved_at";
    public const string Status = "status";
    public const string Channel = "channel";
    public const string Category = "category";
    public const string Product = "product";
    public const string Priority = "priority";
    public const string Group = "group";
    public const string Agent = "agent";
    public const string Resolution = "resolution";
    public const string ReopenCount = "reopen_count";
    public const string Escalated = "escalated";
    public const string EscalationLevel = "escalation_level";
    public const string GroupTransfers = "group_transfers";
    public const string Replies = "replies";
    public const string LinkedArticleIds = "linked_article_ids";
    public const string Csat = "csat";
    public const string ResolvedBy = "resolved_by";
    public const string Title = "title";
    public const string Body = "body";
    public const string Url = "url";
    public const string UpdatedAt = "updated_at";
    public const string Tags = "tags";
    public const string Section = "section";
    public const string StartedAt = "started_at";
    public const string Query = "query";
    public const string ViewedArticleIds = "viewed_article_ids";

    /// <summary>Ticket fields, in the order of the contract (plus escalation_level and group_transfers).</summary>
    public static readonly string[] Ticket =
    [
        Id, CreatedAt, ResolvedAt, Status, CustomerId, Channel, Category, Product, Priority, Group, Agent, Subject, Description,
        Resolution, ReopenCount, Escalated, EscalationLevel, GroupTransfers, Replies, LinkedArticleIds, Csat, ResolvedBy,
    ];

    /// <summary>Article fields.</summary>
    public static readonly string[] Article = [Id, Title, Body, Url, UpdatedAt, CreatedAt, Tags, Section];

    /// <summary>Session fields.</summary>
    public static readonly string[] Session = [Id, CustomerId, StartedAt, Query, ViewedArticleIds, Channel];

    /// <summary>A field name as a user may write it ("Created At", "created-at") in the contract's snake_case.</summary>
    public static string Canonical(string name) => name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    /// <summary>
    /// The form column names are compared in: letters and digits lower-cased, everything else dropped except the dots of
    /// a JSON path, so "Created At", "created_at", "CreatedAt" and "Created time" vs "created_time" all meet.
    /// </summary>
    public static string Normalize(string name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c == '.')
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }
}
