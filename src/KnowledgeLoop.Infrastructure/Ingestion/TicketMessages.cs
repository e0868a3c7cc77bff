using System.Text.Json;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// A ticket's later messages from a generic or Zendesk export: a <c>messages</c> or <c>comments</c> array (JSON, or a JSON
/// array in a CSV cell), or Intercom's <c>conversation_parts</c> (the array, or the object that wraps it). Each item is an
/// object with a time (<c>created_at</c>/<c>created</c>/<c>timestamp</c>: ISO 8601 or Unix seconds), a body
/// (<c>body</c>/<c>plain_body</c>/<c>text</c>/<c>message</c>/<c>html_body</c>; HTML is reduced to text), an author
/// (<c>author</c>/<c>author_role</c>/<c>role</c>/<c>author_type</c> as a string, an <c>author</c> object with
/// <c>type</c>/<c>role</c>/<c>id</c>/<c>email</c>, or <c>author_id</c>) and whether it is public (<c>public</c>, or
/// <c>internal</c>, or Intercom's <c>part_type</c> "note"). The customer's messages get the author "customer" (a
/// customer role, or the ticket's own customer id), agents' "agent". Zendesk lists the description as the first
/// comment: a message whose text is the description is left out. Items without a readable time or with an empty
/// body (Intercom's assignment and state parts) are skipped, not rejected: the ticket itself is fine.
/// </summary>
internal static class TicketMessages
{
    /// <summary>The record properties (and CSV columns) the messages are read from; a preset does not keep them as attributes.</summary>
    public static readonly string[] Properties = ["messages", "comments", "conversation_parts"];

    private static readonly HashSet<string> CustomerRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "customer", "end-user", "end_user", "enduser", "user", "lead", "contact", "requester", "client",
    };

    private static readonly HashSet<string> AgentRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "agent", "admin", "bot", "operator", "staff", "team", "support",
    };

    private static readonly string[] TimeNames = ["created_at", "created", "timestamp", "time", "date"];
    private static readonly string[] BodyNames = ["body", "plain_body", "text", "message", "html_body", "content"];
    private static readonly string[] RoleNames = ["author_role", "role", "author_type", "type"];

    /// <summary>The ticket with the record's messages, when it has any and the ticket has none yet.</summary>
    public static Ticket Enrich(Ticket ticket, RowReader row)
    {
        if (ticket.Messages.Count > 0 || Find(row.Record) is not { } items)
        {
            return ticket;
        }

        var messages = Read(items, ticket, row.Parser);
        return messages.Count == 0 ? ticket : ticket with { Messages = messages };
    }

    /// <summary>Reads an array of message objects (oldest first in the result).</summary>
    public static List<TicketMessage> Read(JsonElement items, Ticket ticket, ValueParser parser)
    {
        var messages = new List<TicketMessage>();
        var description = ticket.Description?.Trim();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Time(item, parser) is not { } at || Body(item) is not { } body)
            {
                continue;
            }

            if (description is not null && string.Equals(body.Trim(), description, StringComparison.Ordinal))
            {
                continue;
            }

            messages.Add(new TicketMessage { CreatedAt = at, Body = body, Author = Author(item, ticket), Public = IsPublic(item) });
        }

        // Stable: messages with the same time keep the export's order.
        return [.. messages.OrderBy(m => m.CreatedAt)];
    }

    private static JsonElement? Find(SourceRecord record)
    {
        if (record.Element is { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var name in Properties)
            {
                if (element.TryGetProperty(name, out var value))
                {
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        return value;
                    }

                    // Intercom: "conversation_parts": { "type": "conversation_part.list", "conversation_parts": [...] }.
                    if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Array)
                    {
                        return inner;
                    }
                }
            }

            return null;
        }

        // A CSV cell holding a JSON array.
        for (var i = 0; i < record.Names.Length && i < record.Values.Length; i++)
        {
            if (Array.Exists(Properties, p => string.Equals(FieldNames.Normalize(record.Names[i]), FieldNames.Normalize(p), StringComparison.Ordinal))
                && record.Values[i] is { } text && text.TrimStart().StartsWith('['))
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    return document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static DateTimeOffset? Time(JsonElement item, ValueParser parser)
    {
        foreach (var name in TimeNames)
        {
            if (!item.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String && parser.TryParseDate(value.GetString()!, out var parsed))
            {
                return parsed;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds > 0)
            {
                // Unix seconds (Intercom); milliseconds when too large to be seconds.
                return seconds > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(seconds) : DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }

    private static string? Body(JsonElement item)
    {
        foreach (var name in BodyNames)
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                var plain = HtmlText.LooksLikeHtml(text) ? HtmlText.Extract(text).Text : text;
                return string.IsNullOrWhiteSpace(plain) ? null : plain.Trim();
            }
        }

        return null;
    }

    private static string? Author(JsonElement item, Ticket ticket)
    {
        var candidates = new List<string>();
        if (item.TryGetProperty("author", out var author))
        {
            if (author.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "type", "role", "id", "email", "name" })
                {
                    if (author.TryGetProperty(name, out var v) && JsonRecordReader.Scalar(v) is { Length: > 0 } s)
                    {
                        candidates.Add(s);
                    }
                }
            }
            else if (JsonRecordReader.Scalar(author) is { Length: > 0 } s)
            {
                candidates.Add(s);
            }
        }

        foreach (var name in RoleNames.Append("author_id"))
        {
            if (item.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number && JsonRecordReader.Scalar(v) is { Length: > 0 } s)
            {
                candidates.Add(s);
            }
        }

        foreach (var candidate in candidates)
        {
            if (CustomerRoles.Contains(candidate) || string.Equals(candidate, ticket.CustomerId, StringComparison.OrdinalIgnoreCase))
            {
                return "customer";
            }

            if (AgentRoles.Contains(candidate))
            {
                return "agent";
            }
        }

        // Zendesk: an author id that is not the requester's is an agent's (or a CC's: not the customer either way).
        return candidates.Count == 0 ? null : item.TryGetProperty("author_id", out _) ? "agent" : candidates[0];
    }

    private static bool IsPublic(JsonElement item)
    {
        if (item.TryGetProperty("public", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.ValueKind == JsonValueKind.True;
        }

        if (item.TryGetProperty("internal", out var internalNote) && internalNote.ValueKind is JsonValueKind.True)
        {
            return false;
        }

        return !(item.TryGetProperty("part_type", out var partType) && partType.ValueEquals("note"));
    }
}
