using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeLoop.Core.Text;

/// <summary>
/// Normalizes support text before it is embedded or leaves the machine: quoted replies, signatures, greetings,
/// helpdesk boilerplate and URLs go; e-mails, phones and long numbers become masks (<c>[email]</c>, <c>[phone]</c>,
/// <c>[number]</c>). Line rules run first (they need the line structure), inline masks after. Each regex is
/// source-generated and guarded by a cheap substring check, because this runs on every ticket of the corpus.
/// </summary>
public static partial class TextCleaner
{
    /// <summary>The mask that replaces an e-mail address.</summary>
    public const string EmailMask = "[email]";

    /// <summary>The mask that replaces a phone number.</summary>
    public const string PhoneMask = "[phone]";

    /// <summary>The mask that replaces a long run of digits.</summary>
    public const string NumberMask = "[number]";

    /// <summary>The mask that replaces a person's name.</summary>
    public const string NameMask = "[name]";

    // Lines after a sign-off beyond which it is more likely prose than a signature.
    private const int MaximumSignatureLines = 6;

    // Greetings are looked for in the first lines only: subject, then the salutation.
    private const int GreetingLines = 3;

    /// <summary>Strips replies, signatures, greetings, boilerplate and URLs and masks e-mails, phones and numbers.</summary>
    public static string Clean(string text, TextCleanerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= TextCleanerOptions.Default;
        if (text.Length == 0)
        {
            return text;
        }

        if (options.RemoveQuotedReplies)
        {
            text = CutQuotedReply(text);
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var end = lines.Length;
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < end; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                kept.Add(string.Empty);
                continue;
            }

            if (options.RemoveQuotedReplies)
            {
                if (trimmed[0] == '>')
                {
                    continue;
                }

                if (IsForwardHeader(lines, i, trimmed))
                {
                    break;
                }
            }

            if (options.RemoveSignatures)
            {
                if (line is "--" or "-- " || trimmed == "--")
                {
                    break;
                }

                if (SentFromDevice().IsMatch(trimmed))
                {
                    continue;
                }

                if (trimmed.Length <= 40 && SignOff().IsMatch(trimmed) && CountNonEmpty(lines, i + 1, end) <= MaximumSignatureLines)
                {
                    break;
                }
            }

            if (options.RemoveBoilerplate)
            {
                if (IsRule(trimmed) || BoilerplateLine().IsMatch(trimmed))
                {
                    continue;
                }
            }

            if (options.RemoveGreetings && i < GreetingLines + CountEmpty(kept))
            {
                if (trimmed.Length <= 60 && GreetingLine().IsMatch(trimmed))
                {
                    continue;
                }

                var prefix = GreetingPrefix().Match(trimmed);
                if (prefix.Success)
                {
                    kept.Add(trimmed[prefix.Length..]);
                    continue;
                }
            }

            kept.Add(line);
        }

        if (options.RemoveSignatures)
        {
            TrimContactBlock(kept);
        }

        var result = string.Join('\n', kept);
        if (options.RemoveBoilerplate)
        {
            result = RemoveInlineBoilerplate(result);
        }

        if (options.RemoveUrls && (result.Contains("://", StringComparison.Ordinal) || result.Contains("www.", StringComparison.OrdinalIgnoreCase)))
        {
            result = Url().Replace(result, " ");
        }

        if (options.MaskEmails)
        {
            result = MaskEmailAddresses(result);
        }

        if (options.MaskPhones)
        {
            result = MaskPhoneNumbers(result);
        }

        if (options.MaskNumbers)
        {
            result = MaskDigitRuns(result, Math.Max(1, options.MinimumNumberDigits));
        }

        return CollapseWhitespace(result);
    }

    /// <summary>
    /// Hides personal data and keeps everything else: e-mails, phones, listed names and names after greetings
    /// or sign-offs. Use it on text sent to an external model.
    /// </summary>
    public static string Redact(string text, RedactionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= RedactionOptions.Default;
        if (text.Length == 0)
        {
            return text;
        }

        if (options.NamesAfterGreetings)
        {
            text = GreetingName().Replace(text, ReplaceGreetingName);
            text = SignOffName().Replace(text, ReplaceGreetingName);
        }

        if (options.Names.Count > 0)
        {
            text = MaskNames(text, options.NameParts);
        }

        if (options.Emails)
        {
            text = MaskEmailAddresses(text);
        }

        if (options.Phones)
        {
            text = MaskPhoneNumbers(text);
        }

        return text;
    }

    private static string ReplaceGreetingName(Match match)
    {
        var name = match.Groups["name"];
        var first = name.Value.AsSpan();
        var space = first.IndexOfAny(' ', '\t');
        if (space >= 0)
        {
            first = first[..space];
        }

        if (NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first))
        {
            return match.Value;
        }

        return string.Concat(match.Value.AsSpan(0, name.Index - match.Index), NameMask, match.Value.AsSpan(name.Index - match.Index + name.Length));
    }

    private static readonly HashSet<string> NotNames = new(
        ["team", "support", "all", "there", "everyone", "everybody", "sir", "madam", "guys", "folks", "again", "both", "in", "for", "so", "a", "you", "and", "very", "much"],
        StringComparer.OrdinalIgnoreCase);

    private static string CutQuotedReply(string text)
    {
        var cut = text.Length;
        if (text.Contains("wrote:", StringComparison.OrdinalIgnoreCase))
        {
            var match = QuoteHeader().Match(text);
            if (match.Success)
            {
                cut = Math.Min(cut, match.Index);
            }
        }

        if (text.Contains("original message", StringComparison.OrdinalIgnoreCase))
        {
            var match = OriginalMessage().Match(text);
            if (match.Success)
            {
                cut = Math.Min(cut, match.Index);
            }
        }

        if (text.Contains("from:", StringComparison.OrdinalIgnoreCase))
        {
            // Outlook headers flattened onto one line (exports often drop the line breaks).
            var match = InlineForwardHeader().Match(text);
            if (match.Success)
            {
                cut = Math.Min(cut, match.Index);
            }
        }

        return cut == text.Length ? text : text[..cut];
    }

    private static bool IsForwardHeader(string[] lines, int index, string trimmed)
    {
        if (!trimmed.StartsWith("From:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var j = index + 1; j < lines.Length && j <= index + 4; j++)
        {
            var next = lines[j].AsSpan().TrimStart();
            if (next.StartsWith("Sent:", StringComparison.OrdinalIgnoreCase) || next.StartsWith("Date:", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A horizontal rule such as "________" or "=====" that separates quoted parts.</summary>
    private static bool IsRule(string trimmed) => trimmed.Length >= 3 && trimmed.AsSpan().IndexOfAnyExcept(RuleCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> RuleCharacters = System.Buffers.SearchValues.Create("_-=*~#");

    private static int CountNonEmpty(string[] lines, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static int CountEmpty(List<string> kept)
    {
        var count = 0;
        foreach (var line in kept)
        {
            if (line.Length == 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Drops a trailing block of contact lines (phone, e-mail, web, "A | B") and the name/title lines just above it.</summary>
    private static void TrimContactBlock(List<string> lines)
    {
        var end = lines.Count;
        while (end > 0 && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }

        var contacts = 0;
        while (end > 0 && IsContactLine(lines[end - 1]))
        {
            end--;
            contacts++;
        }

        if (contacts == 0)
        {
            return;
        }

        // A name and a title above the contact lines: short, no sentence punctuation.
        for (var titles = 0; titles < 2 && end > 0 && IsTitleLine(lines[end - 1]); titles++)
        {
            end--;
        }

        lines.RemoveRange(end, lines.Count - end);
    }

    private static bool IsContactLine(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.Length == 0 || trimmed.Length > 100)
        {
            return false;
        }

        if (ContactLabel().IsMatch(trimmed) || trimmed.Contains(" | ", StringComparison.Ordinal))
        {
            return true;
        }

        if (trimmed.Contains('@') && Email().IsMatch(trimmed) && trimmed.Count(' ') <= 3)
        {
            return true;
        }

        return PhoneCandidate().IsMatch(trimmed) && WordCount(trimmed) <= 4;
    }

    private static bool IsTitleLine(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Length is > 0 and <= 50
            && WordCount(trimmed) <= 5
            && trimmed.IndexOfAny(".?!:") < 0
            && char.IsUpper(trimmed[0]);
    }

    private static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    private static string RemoveInlineBoilerplate(string text)
    {
        if (text.Contains('['))
        {
            text = ExternalTag().Replace(text, " ");
        }

        if (text.Contains('#') || text.Contains('['))
        {
            text = TicketNumber().Replace(text, " ");
        }

        return ReplyPrefix().Replace(text, string.Empty);
    }

    private static string MaskEmailAddresses(string text) =>
        text.Contains('@') ? Email().Replace(text, EmailMask) : text;

    private static string MaskPhoneNumbers(string text)
    {
        if (!HasDigitRun(text, 3))
        {
            return text;
        }

        return PhoneCandidate().Replace(text, static match => IsPhone(match.ValueSpan) ? PhoneMask : match.Value);
    }

    /// <summary>A phone has 7–15 digits and some phone punctuation, and is not an ISO date or an IP address.</summary>
    private static bool IsPhone(ReadOnlySpan<char> candidate)
    {
        int digits = 0, separators = 0, dots = 0, groups = 0;
        var inDigits = false;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                if (!inDigits)
                {
                    groups++;
                }

                inDigits = true;
                continue;
            }

            inDigits = false;
            separators++;
            if (c == '.')
            {
                dots++;
            }
        }

        if (digits is < 7 or > 15)
        {
            return false;
        }

        if (candidate[0] != '+' && separators == 0)
        {
            return false;
        }

        if (dots == separators && groups == 4 && digits <= 12)
        {
            return false;
        }

        return !IsoDate().IsMatch(candidate);
    }

    private static bool HasDigitRun(string text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }

    private static string MaskDigitRuns(string text, int minimum)
    {
        if (!HasDigitRun(text, minimum))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i - start >= minimum)
            {
                builder.Append(NumberMask);
            }
            else
            {
                builder.Append(text, start, i - start);
            }
        }

        return builder.ToString();
    }

    private static string MaskNames(string text, HashSet<string> names)
    {
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        StringBuilder? builder = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\'' or '-'))
            {
                i++;
            }

            if (lookup.Contains(text.AsSpan(start, i - start)))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, start - copied).Append(NameMask);
                copied = i;
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var newlines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                newlines++;
                pendingSpace = false;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (builder.Length > 0)
            {
                if (newlines > 0)
                {
                    builder.Append(newlines > 1 ? "\n\n" : "\n");
                }
                else if (pendingSpace)
                {
                    builder.Append(' ');
                }
            }

            newlines = 0;
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?:^|(?<=\s))On\s[^\n]{1,200}?(?:\n[^\n]{0,200}?)?\bwrote:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"-{2,}\s*Original Message\s*-{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"(?:_{5,}\s*)?\bFrom:[ \t][^\n]{1,200}?\bSent:[ \t]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineForwardHeader();

    [GeneratedRegex(@"^(?:Sent from my\b|Get Outlook for\b|Sent from (?:Mail|Outlook) for\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentFromDevice();

    [GeneratedRegex(
        @"^(?:(?:best|kind|warm|warmest|many)\s+)?(?:regards|wishes|thanks)(?:\s+(?:again|a lot|so much|in advance))?[,.!]*$|^thank you(?:\s+(?:again|so much|in advance))?[,.!]*$|^(?:cheers|sincerely|best|br|thx|ty|yours truly|yours sincerely|all the best)[,.!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignOff();

    [GeneratedRegex(
        @"^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening|day))\b(?:[ \t]+[\p{L}.'-]+){0,3}[ \t]*[,!:.-]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetingLine();

    [GeneratedRegex(
        @"^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening|day))\b(?:[ \t]+[\p{L}.'-]+){0,3}[ \t]*[,!:][ \t]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetingPrefix();

    [GeneratedRegex(
        @"^(?:this (?:ticket|request|message|case|conversation) was (?:created|submitted|sent|opened|generated) (?:via|by|from|through|automatically)\b.*|#*-*\s*please (?:type|write|enter) your reply above this line.*|.*please do not (?:reply|write|type) below this line.*|caution:.*originated from outside.*|this (?:e-?mail|message)(?: and any attachments)? (?:is|are|may be|may contain) (?:confidential|privileged).*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateLine();

    [GeneratedRegex(@"\[\s*(?:external|ext|external e-?mail|external sender|caution[^\]]{0,30})\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExternalTag();

    [GeneratedRegex(
        @"\[\s*(?:(?:ticket|case|request|incident|req|inc)\s*)?#?\s*\d+\s*\]:?|\b(?:ticket|case|request|incident)\s*(?:#|no\.?|number)\s*\d+:?|(?<![\w&])#\d{3,}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketNumber();

    [GeneratedRegex(@"^(?:[ \t]*(?:re|fw|fwd|aw|wg)[ \t]*:[ \t]*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"<?(?:https?://|ftp://|www\.)[^\s<>""']*[^\s<>""'.,;:!?)\]]>?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w+])\+?(?:\(\d{1,4}\)[ \t.-]?)?\d[\d \t().-]{5,}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?:tel|phone|mobile|cell|fax|e-?mail|web|www|direct|office|m|t|p|e)\b\.?\s*[:.]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactLabel();

    [GeneratedRegex(
        @"(?m)^([ \t]*(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Gg]ood (?:[Mm]orning|[Aa]fternoon|[Ee]vening))[ \t]+)(?<name>\p{Lu}[\p{L}'-]+(?:[ \t]+\p{Lu}[\p{L}'-]+)?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex GreetingName();

    [GeneratedRegex(
        @"(?m)^([ \t]*(?:(?:[Bb]est|[Kk]ind|[Ww]arm|[Mm]any)[ \t]+)?(?:[Rr]egards|[Tt]hanks|[Tt]hank you|[Cc]heers|[Ss]incerely|[Bb]est|BR)[ \t]*[,.!]?(?:[ \t]*\r?\n[ \t]*|[ \t]+))(?<name>\p{Lu}[\p{L}'-]+(?:[ \t]+\p{Lu}[\p{L}'-]+)?)[ \t]*\r?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex SignOffName();
}
