namespace KnowledgeLoop.Core.Text;

/// <summary>
/// A conservative suffix stripper: Porter's steps 1a and 1b (plurals, -ed, -ing, with its clean-ups), "-ly"
/// on long stems, and step 5a (a final "e"), so "charge", "charges", "charged" and "charging" meet at one stem.
/// It leaves derivational suffixes (-ation, -ment, -ness) alone: over-stemming merges topics that differ.
/// Lowercase ASCII in, lowercase out; words with other characters or shorter than 4 letters are returned as is.
/// </summary>
public static class Stemmer
{
    /// <summary>The stem of a lowercase word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 4 || !IsLowerAscii(word))
        {
            return word;
        }

        Span<char> buffer = stackalloc char[word.Length + 1];
        word.CopyTo(buffer);
        var length = Stem(buffer, word.Length);
        return length == word.Length && buffer[..length].SequenceEqual(word) ? word : new string(buffer[..length]);
    }

    /// <summary>Stems <paramref name="word"/>[..length] in place (the buffer needs one spare char); returns the new length.</summary>
    internal static int Stem(Span<char> word, int length)
    {
        if (length < 4)
        {
            return length;
        }

        length = Step1A(word, length);
        length = Step1B(word, length);
        length = StripLy(word, length);
        return Step5A(word, length);
    }

    private static bool IsLowerAscii(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static int Step1A(Span<char> w, int n)
    {
        var s = w[..n];
        if (s.EndsWith("sses"))
        {
            return n - 2;
        }

        if (s.EndsWith("ies"))
        {
            // "policies" -> "policy", "ties" -> "tie".
            if (n > 4)
            {
                w[n - 3] = 'y';
                return n - 2;
            }

            return n - 1;
        }

        if (s[^1] == 's' && !s.EndsWith("ss") && !s.EndsWith("us") && !s.EndsWith("is"))
        {
            return n - 1;
        }

        return n;
    }

    private static int Step1B(Span<char> w, int n)
    {
        var s = w[..n];
        if (s.EndsWith("eed"))
        {
            return Measure(w, n - 3) > 0 ? n - 1 : n;
        }

        int stem;
        if (s.EndsWith("ed") && HasVowel(w, n - 2))
        {
            stem = n - 2;
        }
        else if (s.EndsWith("ing") && HasVowel(w, n - 3) && n - 3 >= 3)
        {
            stem = n - 3;
        }
        else
        {
            return n;
        }

        var t = w[..stem];
        if (t.EndsWith("at") || t.EndsWith("bl") || t.EndsWith("iz"))
        {
            w[stem] = 'e';
            return stem + 1;
        }

        if (stem >= 2 && t[^1] == t[^2] && IsConsonant(w, stem - 1) && t[^1] is not ('l' or 's' or 'z'))
        {
            return stem - 1;
        }

        if (Measure(w, stem) == 1 && EndsCvc(w, stem))
        {
            w[stem] = 'e';
            return stem + 1;
        }

        return stem;
    }

    private static int StripLy(Span<char> w, int n)
    {
        // Only long stems: "currently" -> "current", but not "supply", "family", "only".
        if (n >= 7 && w[..n].EndsWith("ly") && Measure(w, n - 2) >= 2)
        {
            return n - 2;
        }

        return n;
    }

    private static int Step5A(Span<char> w, int n)
    {
        if (w[n - 1] != 'e')
        {
            return n;
        }

        var m = Measure(w, n - 1);
        if (m > 1 || (m == 1 && !EndsCvc(w, n - 1)))
        {
            return n - 1;
        }

        return n;
    }

    private static bool IsConsonant(ReadOnlySpan<char> w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    /// <summary>Porter's m: the number of vowel-consonant sequences in w[..n].</summary>
    private static int Measure(ReadOnlySpan<char> w, int n)
    {
        var m = 0;
        var i = 0;
        while (i < n && IsConsonant(w, i))
        {
            i++;
        }

        while (i < n)
        {
            while (i < n && !IsConsonant(w, i))
            {
                i++;
            }

            if (i >= n)
            {
                break;
            }

            m++;
            while (i < n && IsConsonant(w, i))
            {
                i++;
            }
        }

        return m;
    }

    private static bool HasVowel(ReadOnlySpan<char> w, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if (!IsConsonant(w, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Porter's *o: ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow").</summary>
    private static bool EndsCvc(ReadOnlySpan<char> w, int n) =>
        n >= 3 && IsConsonant(w, n - 1) && !IsConsonant(w, n - 2) && IsConsonant(w, n - 3) && w[n - 1] is not ('w' or 'x' or 'y');
}
