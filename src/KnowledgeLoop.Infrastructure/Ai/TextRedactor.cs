using System.Text.RegularExpressions;
using KnowledgeLoop.Core.Text;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// Hides personal data in text before it leaves the machine: card-like digit runs (13–19 digits, spaces or dashes
/// allowed), customer ids (by pattern and the known ids), e-mail addresses, phone numbers, listed names and names
/// after greetings and sign-offs (<see cref="TextCleaner.Redact"/>). Cards go first so a card number is not taken for
/// a phone.
/// </summary>
public sealed partial class TextRedactor
{
    /// <summary>What a card-like digit run becomes.</summary>
    public const string CardMask = "[card]";

    /// <summary>What a customer id becomes.</summary>
    public const string CustomerMask = "[customer]";

    private static readonly RedactionOptions EmailsOnly = new() { Phones = false, NamesAfterGreetings = false };

    private readonly RedactionOptions _options;
    private readonly Regex? _customerPattern;
    private readonly HashSet<string> _customerIds;

    /// <summary>A redactor hiding <paramref name="names"/>, ids matching <paramref name="customerIdPattern"/> and <paramref name="customerIds"/>.</summary>
    public TextRedactor(IEnumerable<string>? names = null, string? customerIdPattern = DefaultCustomerIdPattern, IEnumerable<string>? customerIds = null)
    {
        _options = new RedactionOptions { Names = [.. names ?? []] };
        _customerPattern = string.IsNullOrWhiteSpace(customerIdPattern)
            ? null
            : new Regex(customerIdPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        _customerIds = new HashSet<string>((customerIds ?? []).Where(id => id.Length >= 4), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The default customer-id pattern: "CUST-1234", "customer #88123", "acct 5512", "account: 7741".</summary>
    public const string DefaultCustomerIdPattern = @"\b(?:cust(?:omer)?|acct|account|client)(?:[ \t]*(?:id|no\.?|number))?[ \t]*[-_#:]?[ \t]*[A-Z]{0,3}\d{3,}\b";

    /// <summary>The text with personal data masked.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        text = CardLike().Replace(text, CardMask);
        if (_customerPattern is not null)
        {
            text = _customerPattern.Replace(text, CustomerMask);
        }

        if (_customerIds.Count > 0)
        {
            text = Token().Replace(text, m => _customerIds.Contains(m.Value) ? CustomerMask : m.Value);
        }

        // E-mails first: TextCleaner masks listed names before e-mails, which would turn "ana@example.com" into
        // "[name]@example.com" and leave the domain on the wire.
        text = TextCleaner.Redact(text, EmailsOnly);
        return TextCleaner.Redact(text, _options);
    }

    [GeneratedRegex(@"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardLike();

    [GeneratedRegex(@"[\w-]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
