using System.Buffers;
using System.Text;
using System.Text.Json;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>Lists, attributes and messages as compact JSON columns, written and read without reflection.</summary>
internal sealed class StoreJson
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>A JSON array of strings, or null for an empty list (keeps the file small).</summary>
    public string? Write(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>A JSON object of name to value, sorted by name so equal rows store equal bytes; null when empty.</summary>
    public string? Write(IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartObject();
            var names = new string[values.Count];
            var i = 0;
            foreach (var name in values.Keys)
            {
                names[i++] = name;
            }

            Array.Sort(names, StringComparer.Ordinal);
            foreach (var name in names)
            {
                writer.WriteString(name, values[name]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>Messages as a JSON array of {created_at, author, public, body}; null when none.</summary>
    public string? Write(IReadOnlyList<TicketMessage> messages)
    {
        if (messages.Count == 0)
        {
            return null;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteNumber("created_at", message.CreatedAt.ToUnixTimeMilliseconds());
                if (message.Author is not null)
                {
                    writer.WriteString("author", message.Author);
                }

                writer.WriteBoolean("public", message.Public);
                writer.WriteString("body", message.Body);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>Reads a list written by <see cref="Write(IReadOnlyList{string})"/>.</summary>
    public static IReadOnlyList<string> ReadList(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var list = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                list.Add(reader.GetString()!);
            }
        }

        return list;
    }

    private static readonly IReadOnlyDictionary<string, string> NoAttributes =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Reads attributes written by <see cref="Write(IReadOnlyDictionary{string, string})"/>.</summary>
    public static IReadOnlyDictionary<string, string> ReadAttributes(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return NoAttributes; // One shared instance: a million tickets without attributes would hold a million empty dictionaries (80 MB).
        }

        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        string? name = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                name = reader.GetString();
            }
            else if (reader.TokenType == JsonTokenType.String && name is not null)
            {
                attributes[name] = reader.GetString()!;
                name = null;
            }
        }

        return attributes;
    }

    /// <summary>Reads messages written by <see cref="Write(IReadOnlyList{TicketMessage})"/>.</summary>
    public static IReadOnlyList<TicketMessage> ReadMessages(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var messages = new List<TicketMessage>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            messages.Add(new TicketMessage
            {
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(element.GetProperty("created_at").GetInt64()),
                Author = element.TryGetProperty("author", out var author) ? author.GetString() : null,
                Public = !element.TryGetProperty("public", out var isPublic) || isPublic.GetBoolean(),
                Body = element.GetProperty("body").GetString() ?? string.Empty,
            });
        }

        return messages;
    }
}
