namespace KnowledgeLoop.Core.Text;

/// <summary>What <see cref="TextCleaner.Clean"/> strips and masks. Every switch defaults to on.</summary>
public sealed class TextCleanerOptions
{
    /// <summary>The defaults: everything on.</summary>
    public static TextCleanerOptions Default { get; } = new();

    /// <summary>Drops quoted replies ("On ... wrote:", "&gt;" lines, "-----Original Message-----", "From: ... Sent: ..."). Defaults to true.</summary>
    public bool RemoveQuotedReplies { get; init; } = true;

    /// <summary>Drops signatures ("-- ", "Best regards," and what follows, "Sent from my iPhone", trailing contact blocks). Defaults to true.</summary>
    public bool RemoveSignatures { get; init; } = true;

    /// <summary>Drops greetings ("Hi team,", "Hello Ana,", "Dear support"). Defaults to true.</summary>
    public bool RemoveGreetings { get; init; } = true;

    /// <summary>Drops helpdesk boilerplate ("[External]", "This ticket was created via ...", reply-above-this-line markers, ticket-number prefixes). Defaults to true.</summary>
    public bool RemoveBoilerplate { get; init; } = true;

    /// <summary>Drops URLs. Defaults to true.</summary>
    public bool RemoveUrls { get; init; } = true;

    /// <summary>Replaces e-mail addresses with <c>[email]</c>. Defaults to true.</summary>
    public bool MaskEmails { get; init; } = true;

    /// <summary>Replaces phone numbers with <c>[phone]</c>. Defaults to true.</summary>
    public bool MaskPhones { get; init; } = true;

    /// <summary>Replaces runs of <see cref="MinimumNumberDigits"/> or more digits with <c>[number]</c>. Defaults to true.</summary>
    public bool MaskNumbers { get; init; } = true;

    /// <summary>The shortest digit run masked as <c>[number]</c> (order ids, card fragments). Defaults to 6.</summary>
    public int MinimumNumberDigits { get; init; } = 6;
}
