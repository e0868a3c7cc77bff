using System.Globalization;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Parses the raw text of a field: ISO 8601 timestamps (and configured formats), booleans, numbers, lists.</summary>
internal sealed class ValueParser
{
    private readonly TimeZoneInfo _timeZone;
    private readonly string[] _dateFormats;
    private readonly string[] _nullValues;

    public ValueParser(TimeZoneInfo? timeZone, IEnumerable<string> dateFormats, IEnumerable<string> nullValues, char listSeparator)
    {
        _timeZone = timeZone ?? TimeZoneInfo.Utc;
        _dateFormats = dateFormats.Distinct().ToArray();
        _nullValues = nullValues.Distinct().ToArray();
        ListSeparator = listSeparator;
    }

    /// <summary>The separator of list fields.</summary>
    public char ListSeparator { get; }

    /// <summary>The value, or null when it is empty, blank or one of the configured null values.</summary>
    public string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        foreach (var nullValue in _nullValues)
        {
            if (value == nullValue)
            {
                return null;
            }
        }

        return value;
    }

    /// <summary>Parses a timestamp: ISO 8601 (date only, 'T' or space, optional fraction and offset) or a configured format; UTC out.</summary>
    public bool TryParseDate(string text, out DateTimeOffset value)
    {
        var span = text.AsSpan().Trim();
        if (TryParseIso(span, out var local, out var offset))
        {
            value = offset is { } known ? new DateTimeOffset(local, known).ToUniversalTime() : FromZone(local);
            return true;
        }

        foreach (var format in _dateFormats)
        {
            if (DateTime.TryParseExact(span, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                value = parsed.Kind == DateTimeKind.Utc ? new DateTimeOffset(parsed) : FromZone(DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified));
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>true/false/yes/no/1/0 (and y/n), any case.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        var span = text.AsSpan().Trim();
        if (span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.Equals("yes", StringComparison.OrdinalIgnoreCase) || span.Equals("y", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("1"))
        {
            value = true;
            return true;
        }

        value = false;
        return span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.Equals("no", StringComparison.OrdinalIgnoreCase) || span.Equals("n", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("0");
    }

    /// <summary>A whole number (a ServiceNow "2" or a JSON 2.0 alike); negative counts are refused.</summary>
    public static bool TryParseCount(string text, out int value)
    {
        if (int.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value >= 0;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real >= 0 && real <= int.MaxValue && Math.Floor(real) == real)
        {
            value = (int)real;
            return true;
        }

        return false;
    }

    /// <summary>An integer that may carry a label, like ServiceNow's "2 - High".</summary>
    public static bool TryParseLevel(string text, out int value)
    {
        var span = text.AsSpan().Trim();
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        return int.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out value) && (digits == span.Length || span[digits] is ' ' or '-');
    }

    /// <summary>A CSAT value: a number, or Zendesk's good (1) / bad (0); offered/unoffered mean no rating.</summary>
    public static bool TryParseCsat(string text, out double? value)
    {
        var span = text.AsSpan().Trim();
        value = null;
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            value = number;
            return true;
        }

        if (span.Equals("good", StringComparison.OrdinalIgnoreCase))
        {
            value = 1;
            return true;
        }

        if (span.Equals("bad", StringComparison.OrdinalIgnoreCase))
        {
            value = 0;
            return true;
        }

        return span.Equals("offered", StringComparison.OrdinalIgnoreCase) || span.Equals("unoffered", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>agent/human, bot/ai, self_service/self-service/customer.</summary>
    public static bool TryParseResolvedBy(string text, out ResolvedBy value)
    {
        switch (FieldNames.Normalize(text))
        {
            case "agent" or "human":
                value = ResolvedBy.Agent;
                return true;
            case "bot" or "ai" or "aiagent" or "automation":
                value = ResolvedBy.Bot;
                return true;
            case "selfservice" or "customer" or "self":
                value = ResolvedBy.SelfService;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>Splits a list field on the separator, trimming items and dropping empty ones.</summary>
    public IReadOnlyList<string> SplitList(string text)
    {
        if (text.IndexOf(ListSeparator, StringComparison.Ordinal) < 0)
        {
            var one = text.Trim();
            return one.Length == 0 ? [] : [one];
        }

        return text.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private DateTimeOffset FromZone(DateTime local)
    {
        if (_timeZone == TimeZoneInfo.Utc)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        var offset = _timeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static bool TryParseIso(ReadOnlySpan<char> s, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var i = 10;
        if (i < s.Length && s[i] is 'T' or 't' or ' ')
        {
            if (s.Length < i + 6 || s[i + 3] != ':' || !Digits(s, i + 1, 2, out hour) || !Digits(s, i + 4, 2, out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second) || second > 59)
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    i++;
                    var scale = TimeSpan.TicksPerSecond;
                    var start = i;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        scale /= 10;
                        ticks += (s[i] - '0') * scale;
                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }
                }
            }
        }

        if (i < s.Length)
        {
            if (s[i] is 'Z' or 'z' && i == s.Length - 1)
            {
                offset = TimeSpan.Zero;
            }
            else if (s[i] is '+' or '-')
            {
                var sign = s[i] == '-' ? -1 : 1;
                var rest = s[(i + 1)..];
                int oh, om = 0;
                var ok = rest.Length switch
                {
                    2 => Digits(rest, 0, 2, out oh),
                    4 => Digits(rest, 0, 2, out oh) && Digits(rest, 2, 2, out om),
                    5 => rest[2] == ':' & Digits(rest, 0, 2, out oh) & Digits(rest, 3, 2, out om),
                    _ => (oh = 0) != 0,
                };
                if (!ok || oh > 14 || om > 59)
                {
                    return false;
                }

                offset = new TimeSpan(sign * oh, sign * om, 0);
            }
            else
            {
                return false;
            }
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
