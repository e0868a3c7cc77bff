using System.Globalization;
using System.Text;

namespace KnowledgeLoop.Samples;

/// <summary>
/// A phrase template such as "Invoice {inv} to {client} never arrived", compiled once against a slot table so
/// expanding it is a walk over parts (no lookups, no regexes) — it runs a few million times for a 1M set.
/// </summary>
internal sealed class TextTemplate
{
    private readonly Part[] _parts;

    private TextTemplate(Part[] parts) => _parts = parts;

    public static TextTemplate Compile(string text, IReadOnlyDictionary<string, string[]> slots)
    {
        var parts = new List<Part>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(new Part(text[position..], null, DynamicSlot.None));
                break;
            }

            if (open > position)
            {
                parts.Add(new Part(text[position..open], null, DynamicSlot.None));
            }

            var close = text.IndexOf('}', open);
            var name = text[(open + 1)..close];
            if (slots.TryGetValue(name, out var options))
            {
                parts.Add(new Part(null, options, DynamicSlot.None));
            }
            else if (Enum.TryParse<DynamicSlot>(name, ignoreCase: true, out var dynamic) && dynamic != DynamicSlot.None)
            {
                parts.Add(new Part(null, null, dynamic));
            }
            else
            {
                throw new InvalidOperationException($"Unknown slot '{{{name}}}' in template \"{text}\".");
            }

            position = close + 1;
        }

        return new TextTemplate([.. parts]);
    }

    public void Expand(StringBuilder builder, Prng rng)
    {
        foreach (var part in _parts)
        {
            if (part.Literal is not null)
            {
                builder.Append(part.Literal);
            }
            else if (part.Options is not null)
            {
                builder.Append(rng.Pick(part.Options));
            }
            else
            {
                AppendDynamic(builder, part.Dynamic, rng);
            }
        }
    }

    public string Expand(Prng rng)
    {
        var builder = new StringBuilder(96);
        Expand(builder, rng);
        return builder.ToString();
    }

    private static void AppendDynamic(StringBuilder builder, DynamicSlot slot, Prng rng)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (slot)
        {
            case DynamicSlot.Inv:
                builder.Append(invariant, $"INV-{rng.Next(2024, 2027)}-{rng.Next(1, 9999):D4}");
                break;
            case DynamicSlot.Amount:
                builder.Append(rng.Pick(CurrencySymbols));
                builder.Append(invariant, $"{rng.Next(12, 48000):N0}.{rng.Next(100):D2}");
                break;
            case DynamicSlot.N:
                builder.Append(rng.Next(2, 40).ToString(invariant));
                break;
            case DynamicSlot.Order:
                builder.Append(invariant, $"#{rng.Next(1001, 99999)}");
                break;
            case DynamicSlot.Code:
                builder.Append(invariant, $"{rng.Next(0x1000, 0xFFFF):X4}-{rng.Next(0x100, 0xFFF):X3}");
                break;
            case DynamicSlot.Day:
                builder.Append(invariant, $"{rng.Pick(MonthNames)} {rng.Next(1, 29)}");
                break;
            default:
                break;
        }
    }

    private static readonly string[] CurrencySymbols = ["$", "$", "$", "€", "£", "CA$", "A$"];
    private static readonly string[] MonthNames = ["May", "June", "July", "August", "September", "April", "March"];

    private readonly record struct Part(string? Literal, string[]? Options, DynamicSlot Dynamic);

    private enum DynamicSlot
    {
        None,
        Inv,
        Amount,
        N,
        Order,
        Code,
        Day,
    }
}
