using System.Globalization;
using System.Text;

namespace KnowledgeLoop.Reliability.Tests.Fuzzing;

/// <summary>
/// Seeded generator of hostile import files: a well-formed CSV, JSON array or JSON Lines file of a few rows whose text
/// fields carry formulas, markup, control characters and odd Unicode, then put through one or more mutations
/// (truncation, byte flips, BOMs, other encodings, NULs, duplicated or dropped separators, deep nesting, huge fields).
/// The same seed gives the same cases, so a failure names a case that can be replayed.
/// </summary>
internal sealed class FuzzInputs(int seed)
{
    private static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "\" onmouseover=\"alert(3)",
        "</textarea><svg/onload=alert(4)>",
        "javascript:alert(5)",
        "a,b,\"c\"\"d\"",
        "line one\nline two\r\nline three",
        "nul\0inside",
        "bell\a and \u001b[31mansi",
        "\u202Eright-to-left override",
        "zero\u200Bwidth\uFEFFjoiner",
        "emoji 🧪🔥 and 日本語",
        "\ud800 lone high surrogate",
        "lone low \udc00 surrogate",
        "'; DROP TABLE tickets; --",
        "%s%n%x {0} {{x}} ${HOME}",
        "..\\..\\etc\\passwd",
        "   ",
        "",
    ];

    private static readonly string[] Dates = ["2026-06-01T10:00:00Z", "2026-06-02", "2026-06-03 08:30:00", "2026-13-45", "yesterday", "", "0001-01-01", "9999-12-31T23:59:59Z"];

    private readonly Random _random = new(seed);

    public FuzzCase Next(int number, FuzzKind kind)
    {
        var shape = _random.Next(3); // 0 csv, 1 json array, 2 json lines
        var rows = Enumerable.Range(0, 1 + _random.Next(12)).Select(i => Row(kind, number, i)).ToList();
        var fields = rows[0].Keys.ToList();
        var recipe = new StringBuilder(shape switch { 0 => "csv", 1 => "json", _ => "jsonl" });
        var text = shape switch
        {
            0 => Csv(fields, rows),
            1 => JsonArray(rows),
            _ => JsonLines(rows),
        };
        var extension = shape switch { 0 => ".csv", 1 => ".json", _ => ".jsonl" };

        if (shape != 0 && _random.Next(12) == 0)
        {
            text = DeepNesting(text);
            recipe.Append(" +deep-nesting");
        }

        var bytes = Encode(text, recipe);
        var mutations = _random.Next(4); // 0..3 byte-level mutations on top
        for (var m = 0; m < mutations; m++)
        {
            bytes = Mutate(bytes, recipe);
        }

        return new FuzzCase(number, kind, Name(kind) + extension, bytes, recipe.ToString());
    }

    /// <summary>A Markdown or HTML article file, hostile in the same ways.</summary>
    public FuzzCase NextArticleFile(int number)
    {
        var html = _random.Next(3) == 0;
        var recipe = new StringBuilder(html ? "html" : "markdown");
        var builder = new StringBuilder();
        if (html)
        {
            builder.Append("<html><head><title>").Append(Pick()).Append("</title><script>alert('head')</script></head><body><h1>")
                .Append(Pick()).Append("</h1><p onclick=\"x()\">").Append(Pick()).Append("</p><iframe src=\"javascript:alert(1)\"></iframe>")
                .Append(Pick()).Append("</body></html>");
        }
        else
        {
            if (_random.Next(2) == 0)
            {
                builder.Append("---\nid: ").Append(_random.Next(3) == 0 ? Pick() : "KB-" + number.ToString(CultureInfo.InvariantCulture))
                    .Append("\ntitle: ").Append(Pick()).Append("\nupdated_at: ").Append(Dates[_random.Next(Dates.Length)])
                    .Append(_random.Next(5) == 0 ? "\n" : "\n---\n");
                recipe.Append(" +front-matter");
            }

            builder.Append("# ").Append(Pick()).Append("\n\n").Append(Pick()).Append("\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n").Append(Pick());
        }

        var bytes = Encode(builder.ToString(), recipe);
        var mutations = _random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            bytes = Mutate(bytes, recipe);
        }

        return new FuzzCase(number, FuzzKind.Articles, "kb-" + number.ToString(CultureInfo.InvariantCulture) + (html ? ".html" : ".md"), bytes, recipe.ToString());
    }

    /// <summary>A CSV with one field of <paramref name="size"/> characters (the 10 MB case).</summary>
    public static FuzzCase HugeField(int number, int size, FuzzKind kind)
    {
        var big = new string('x', size);
        var text = kind switch
        {
            FuzzKind.Tickets => $"id,created_at,customer_id,subject,description\nH-{number},2026-06-01T10:00:00Z,C-1,huge,\"{big}\"\nH-{number}b,2026-06-01,C-2,small,ok\n",
            FuzzKind.Articles => $"id,title,body\nKB-H{number},huge,\"{big}\"\n",
            _ => $"id,customer_id,started_at,query\nS-H{number},C-1,2026-06-01T10:00:00Z,\"{big}\"\n",
        };
        return new FuzzCase(number, kind, Name(kind) + ".csv", Encoding.UTF8.GetBytes(text), $"csv with a {size:N0}-character field");
    }

    private static string Name(FuzzKind kind) => kind.ToString().ToLowerInvariant();

    private string Pick() => Hostile[_random.Next(Hostile.Length)];

    private string Text(string plain) => _random.Next(3) == 0 ? plain : _random.Next(2) == 0 ? Pick() : plain + " " + Pick();

    private Dictionary<string, string> Row(FuzzKind kind, int number, int index)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"F{number}-{index}");
        if (_random.Next(15) == 0)
        {
            id = Pick(); // a hostile id
        }

        var date = _random.Next(6) == 0 ? Dates[_random.Next(Dates.Length)] : "2026-06-01T10:00:00Z";
        return kind switch
        {
            FuzzKind.Tickets => new Dictionary<string, string>
            {
                ["id"] = id,
                ["created_at"] = date,
                ["customer_id"] = Text("C-" + index.ToString(CultureInfo.InvariantCulture)),
                ["subject"] = Text("Cannot log in"),
                ["description"] = Text("The reset link expired"),
                ["category"] = Text("billing"),
                ["channel"] = Text("email"),
                ["agent"] = Text("ana"),
                ["resolution"] = Text("sent a new link"),
                ["escalated"] = _random.Next(8) == 0 ? Pick() : "no",
                ["reopen_count"] = _random.Next(8) == 0 ? Pick() : "0",
                ["linked_article_ids"] = Text("KB-1;KB-2"),
                ["csat"] = _random.Next(8) == 0 ? Pick() : "",
            },
            FuzzKind.Articles => new Dictionary<string, string>
            {
                ["id"] = id,
                ["title"] = Text("Reset your password"),
                ["body"] = Text("<p>Open <b>Settings</b></p>"),
                ["url"] = _random.Next(4) == 0 ? Pick() : "https://help.example.com/kb/1",
                ["updated_at"] = date,
                ["tags"] = Text("login;password"),
                ["section"] = Text("Account"),
            },
            _ => new Dictionary<string, string>
            {
                ["id"] = id,
                ["customer_id"] = Text("C-" + index.ToString(CultureInfo.InvariantCulture)),
                ["started_at"] = date,
                ["query"] = Text("reset password"),
                ["viewed_article_ids"] = Text("KB-1"),
                ["channel"] = Text("web"),
            },
        };
    }

    private static string Csv(List<string> fields, List<Dictionary<string, string>> rows)
    {
        var builder = new StringBuilder(string.Join(',', fields)).Append('\n');
        foreach (var row in rows)
        {
            builder.AppendJoin(',', fields.Select(f => Quote(row[f]))).Append('\n');
        }

        return builder.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private string JsonArray(List<Dictionary<string, string>> rows) =>
        "[" + string.Join(",\n", rows.Select(Json)) + "]";

    private string JsonLines(List<Dictionary<string, string>> rows) => string.Concat(rows.Select(r => Json(r) + "\n"));

    private string Json(Dictionary<string, string> row)
    {
        var builder = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in row)
        {
            builder.Append(first ? "" : ",").Append('"').Append(key).Append("\":");
            first = false;
            switch (_random.Next(10))
            {
                case 0:
                    builder.Append("null");
                    break;
                case 1:
                    builder.Append("[\"").Append(JsonEscape(value)).Append("\",{\"x\":1}]");
                    break;
                case 2:
                    builder.Append(_random.Next(1000).ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append('"').Append(JsonEscape(value)).Append('"');
                    break;
            }
        }

        return builder.Append('}').ToString();
    }

    private static string JsonEscape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private string DeepNesting(string text)
    {
        var depth = 100 + _random.Next(20_000);
        var nested = new string('[', depth) + "1" + new string(']', _random.Next(2) == 0 ? depth : depth / 2);
        return _random.Next(2) == 0
            ? nested
            : text.Insert(text.IndexOf(':', StringComparison.Ordinal) + 1, nested + ",\"pad\":");
    }

    private byte[] Encode(string text, StringBuilder recipe)
    {
        switch (_random.Next(10))
        {
            case 0:
                recipe.Append(" +utf8-bom");
                return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
            case 1:
                recipe.Append(" +utf16le-bom");
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
            case 2:
                recipe.Append(" +utf16le-no-bom");
                return Encoding.Unicode.GetBytes(text);
            case 3:
                recipe.Append(" +latin1");
                return Encoding.Latin1.GetBytes(text);
            case 4:
                recipe.Append(" +mixed-utf8-latin1");
                var half = text.Length / 2;
                return [.. Encoding.UTF8.GetBytes(text[..half]), .. Encoding.Latin1.GetBytes(text[half..])];
            default:
                return Encoding.UTF8.GetBytes(text);
        }
    }

    private byte[] Mutate(byte[] bytes, StringBuilder recipe)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var at = _random.Next(bytes.Length);
        switch (_random.Next(9))
        {
            case 0:
                recipe.Append(" +truncate@").Append(at);
                return bytes[..at];
            case 1:
                recipe.Append(" +flip@").Append(at);
                bytes[at] ^= (byte)(1 << _random.Next(8));
                return bytes;
            case 2:
                recipe.Append(" +nul@").Append(at);
                return [.. bytes[..at], 0, .. bytes[at..]];
            case 3:
                var noise = new byte[1 + _random.Next(16)];
                _random.NextBytes(noise);
                recipe.Append(" +noise@").Append(at);
                return [.. bytes[..at], .. noise, .. bytes[at..]];
            case 4:
                recipe.Append(" +drop@").Append(at);
                return [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1 + _random.Next(8))..]];
            case 5:
                const string Separators = "\",\n\r{}[]:;\t";
                byte[] separator = [(byte)Separators[_random.Next(Separators.Length)]];
                recipe.Append(" +separator@").Append(at);
                return [.. bytes[..at], .. separator, .. bytes[at..]];
            case 6:
                recipe.Append(" +duplicate-tail@").Append(at);
                return [.. bytes, .. bytes[at..]];
            case 7:
                recipe.Append(" +invalid-utf8@").Append(at);
                return [.. bytes[..at], 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xFF, .. bytes[at..]];
            default:
                recipe.Append(" +crlf");
                return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", "\r\n", StringComparison.Ordinal));
        }
    }
}
