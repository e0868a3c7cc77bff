using System.Text;
using System.Text.Json;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>What a Jira issue's JSON holds beyond flat fields: reopens from the changelog, ADF descriptions, comments.</summary>
internal static class JiraIssues
{
    private static readonly string[] Identities = ["accountId", "emailAddress", "name", "displayName"];

    private static readonly HashSet<string> DoneNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Done", "Resolved", "Closed", "Cancelled", "Canceled", "Won't Do", "Won't Fix", "Completed",
    };

    /// <summary>Adds reopens, the ADF description and the comments of a JSON issue; CSV rows pass through.</summary>
    public static Ticket Enrich(Ticket ticket, RowReader row)
    {
        if (row.Record.Element is not { ValueKind: JsonValueKind.Object } issue || !issue.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
        {
            return ticket;
        }

        var description = ticket.Description;
        if (description is null && fields.TryGetProperty("description", out var adf) && adf.ValueKind == JsonValueKind.Object)
        {
            description = AdfText(adf);
        }

        return ticket with
        {
            Description = string.IsNullOrWhiteSpace(description) ? ticket.Description : description,
            ReopenCount = Reopens(issue, fields),
            Messages = Comments(fields, row.Parser, Reporter(fields)),
        };
    }

    /// <summary>
    /// Status transitions from a done status (category done, or a done-like name) back to one that is not done.
    /// The changelog gives status names only, so the current status's category adds its name to the done set.
    /// </summary>
    public static int Reopens(JsonElement issue, JsonElement fields)
    {
        var done = new HashSet<string>(DoneNames, StringComparer.OrdinalIgnoreCase);
        if (fields.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("statusCategory", out var category) && category.ValueKind == JsonValueKind.Object
            && category.TryGetProperty("key", out var key) && key.ValueEquals("done")
            && status.TryGetProperty("name", out var name) && name.GetString() is { } currentName)
        {
            done.Add(currentName);
        }

        if (!issue.TryGetProperty("changelog", out var changelog) || !changelog.TryGetProperty("histories", out var histories) || histories.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        var reopens = 0;
        foreach (var history in histories.EnumerateArray())
        {
            if (!history.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in items.EnumerateArray())
            {
                if (!item.TryGetProperty("field", out var field) || !field.ValueEquals("status"))
                {
                    continue;
                }

                var from = item.TryGetProperty("fromString", out var f) ? JsonRecordReader.Scalar(f) : null;
                var to = item.TryGetProperty("toString", out var t) ? JsonRecordReader.Scalar(t) : null;
                if (from is not null && done.Contains(from) && (to is null || !done.Contains(to)))
                {
                    reopens++;
                }
            }
        }

        return reopens;
    }

    /// <summary>The reporter's identifiers (account id, e-mail, name, display name): a comment by one of them is the customer's.</summary>
    private static HashSet<string> Reporter(JsonElement fields)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (fields.TryGetProperty("reporter", out var reporter) && reporter.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in Identities)
            {
                if (reporter.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    private static List<TicketMessage> Comments(JsonElement fields, ValueParser parser, HashSet<string> reporter)
    {
        var messages = new List<TicketMessage>();
        if (!fields.TryGetProperty("comment", out var comment) || !comment.TryGetProperty("comments", out var comments) || comments.ValueKind != JsonValueKind.Array)
        {
            return messages;
        }

        foreach (var c in comments.EnumerateArray())
        {
            var body = c.TryGetProperty("body", out var b) ? b.ValueKind == JsonValueKind.Object ? AdfText(b) : JsonRecordReader.Scalar(b) : null;
            if (string.IsNullOrWhiteSpace(body) || !c.TryGetProperty("created", out var created) || created.ValueKind != JsonValueKind.String
                || !parser.TryParseDate(created.GetString()!, out var at))
            {
                continue;
            }

            string? author = null;
            if (c.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.Object)
            {
                author = (a.TryGetProperty("displayName", out var d) ? d.GetString() : null) ?? (a.TryGetProperty("accountId", out var id) ? id.GetString() : null);

                // The reporter's own comments are the customer's (the analysis reads those as the customer's later words).
                if (Identities.Any(name => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && reporter.Contains(v.GetString()!)))
                {
                    author = "customer";
                }
            }

            var isPublic = !c.TryGetProperty("jsdPublic", out var p) || p.ValueKind != JsonValueKind.False;
            messages.Add(new TicketMessage { CreatedAt = at, Body = body, Author = author, Public = isPublic });
        }

        messages.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
        return messages;
    }

    /// <summary>The text of an Atlassian Document Format node: text nodes joined, one line per block.</summary>
    public static string AdfText(JsonElement node)
    {
        var text = new StringBuilder();
        Walk(node, text);
        return text.ToString().Trim();

        static void Walk(JsonElement node, StringBuilder text)
        {
            if (node.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }

            if (node.TryGetProperty("type", out var type) && type.ValueEquals("hardBreak"))
            {
                text.Append('\n');
            }

            if (node.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in content.EnumerateArray())
                {
                    Walk(child, text);
                }

                if (type.ValueKind == JsonValueKind.String && !type.ValueEquals("doc") && !type.ValueEquals("text"))
                {
                    text.Append('\n');
                }
            }
        }
    }
}
