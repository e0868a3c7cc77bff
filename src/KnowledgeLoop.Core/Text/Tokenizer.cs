using System.Collections.Concurrent;

namespace KnowledgeLoop.Core.Text;

/// <summary>
/// Turns text into terms: lowercase, split on anything that is not a letter or digit (so "401", "csv" and "2fa"
/// survive), English stop words out, light stemming (<see cref="Stemmer"/>), tokens shorter than 2 characters and
/// the cleaner's masks ("[email]", "[number]") dropped. Terms add bigrams of adjacent kept tokens as "a_b".
/// Thread-safe; a bounded cache maps each raw token to its stem so repeated words cost one lookup.
/// </summary>
public sealed class Tokenizer
{
    /// <summary>Separates the two tokens of a bigram term.</summary>
    public const char BigramSeparator = '_';

    // Longer tokens are base64 blobs, hashes or glued URLs: never useful terms.
    private const int MaximumTokenLength = 40;

    // Distinct raw tokens remembered; past this, new ones are stemmed every time (bounded memory in a long-lived service).
    private const int CacheCapacity = 200_000;

    private static readonly string[] Masks = ["email", "phone", "number", "name", "url"];

    private readonly IReadOnlySet<string> _stopWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _stopLookup;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;

    /// <summary>A tokenizer with the given stop words (defaults to <see cref="StopWords.English"/>) and stemming on or off.</summary>
    public Tokenizer(IReadOnlySet<string>? stopWords = null, bool stem = true)
    {
        _stopWords = stopWords ?? StopWords.English;
        if (_stopWords is HashSet<string> set && set.Comparer.Equals(StringComparer.Ordinal))
        {
            _stopLookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        UsesStemming = stem;
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>English stop words and stemming.</summary>
    public static Tokenizer Default { get; } = new();

    /// <summary>Whether tokens are stemmed.</summary>
    public bool UsesStemming { get; }

    /// <summary>The kept tokens of <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        AppendTokens(text, tokens);
        return tokens;
    }

    /// <summary>The tokens of <paramref name="text"/> followed, when <paramref name="bigrams"/> is set, by the bigrams of adjacent tokens ("a_b").</summary>
    public IReadOnlyList<string> Terms(string text, bool bigrams = true)
    {
        var tokens = new List<string>();
        AppendTokens(text, tokens);
        if (!bigrams || tokens.Count < 2)
        {
            return tokens;
        }

        var count = tokens.Count;
        tokens.Capacity = count * 2 - 1;
        for (var i = 1; i < count; i++)
        {
            tokens.Add(Bigram(tokens[i - 1], tokens[i]));
        }

        return tokens;
    }

    /// <summary>The bigram term of two tokens.</summary>
    public static string Bigram(string first, string second) => string.Concat(first, "_", second);

    /// <summary>Adds the kept tokens of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public void AppendTokens(string text, List<string> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        Span<char> buffer = stackalloc char[MaximumTokenLength + 1];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length < 2 || length > MaximumTokenLength)
            {
                continue;
            }

            var raw = buffer[..length];
            text.AsSpan(start, length).ToLowerInvariant(raw);
            if (start > 0 && text[start - 1] == '[' && i < text.Length && text[i] == ']' && IsMask(raw))
            {
                continue;
            }

            if (_cacheLookup.TryGetValue(raw, out var known))
            {
                if (known.Length > 0)
                {
                    output.Add(known);
                }

                continue;
            }

            var term = Normalize(buffer, length);
            if (_cache.Count < CacheCapacity)
            {
                _cacheLookup.TryAdd(raw.ToString(), term);
            }

            if (term.Length > 0)
            {
                output.Add(term);
            }
        }
    }

    /// <summary>The term for one lowercase raw token, or "" when it is dropped.</summary>
    private string Normalize(Span<char> buffer, int length)
    {
        var raw = buffer[..length];
        if (IsStopWord(raw))
        {
            return string.Empty;
        }

        if (!UsesStemming || !IsLowerAscii(raw))
        {
            return raw.ToString();
        }

        var copy = raw.ToString();
        var stemmed = Stemmer.Stem(buffer, length);
        if (stemmed < 2)
        {
            return string.Empty;
        }

        return stemmed == length && buffer[..stemmed].SequenceEqual(copy) ? copy : new string(buffer[..stemmed]);
    }

    private bool IsStopWord(ReadOnlySpan<char> token) =>
        _stopLookup is { } lookup ? lookup.Contains(token) : _stopWords.Contains(token.ToString());

    private static bool IsMask(ReadOnlySpan<char> token)
    {
        foreach (var mask in Masks)
        {
            if (token.SequenceEqual(mask))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLowerAscii(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
