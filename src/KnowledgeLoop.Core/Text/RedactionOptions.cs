namespace KnowledgeLoop.Core.Text;

/// <summary>What <see cref="TextCleaner.Redact"/> hides before text leaves the machine.</summary>
public sealed class RedactionOptions
{
    /// <summary>The defaults: e-mails, phones and names after greetings and sign-offs.</summary>
    public static RedactionOptions Default { get; } = new();

    /// <summary>Replaces e-mail addresses with <c>[email]</c>. Defaults to true.</summary>
    public bool Emails { get; init; } = true;

    /// <summary>Replaces phone numbers with <c>[phone]</c>. Defaults to true.</summary>
    public bool Phones { get; init; } = true;

    /// <summary>Replaces "Name Surname" after a greeting ("Hi Ana,") or on the line after a sign-off ("Thanks,\nAna Lopez") with <c>[name]</c>. Defaults to true.</summary>
    public bool NamesAfterGreetings { get; init; } = true;

    /// <summary>Known person names (agents, customers) replaced with <c>[name]</c> wherever they occur as whole words, ignoring case. Defaults to none.</summary>
    public IReadOnlyCollection<string> Names { get; init; } = [];

    private HashSet<string>? _nameParts;

    /// <summary>Every word of every listed name (two letters or more), for whole-word lookups.</summary>
    internal HashSet<string> NameParts => _nameParts ??= BuildNameParts(Names);

    private static HashSet<string> BuildNameParts(IReadOnlyCollection<string> names)
    {
        var parts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            foreach (var part in name.Split([' ', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Length >= 2)
                {
                    parts.Add(part);
                }
            }
        }

        return parts;
    }
}
