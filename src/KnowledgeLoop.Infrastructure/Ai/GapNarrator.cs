using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Prompts;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// Adds a chat model's reading to the ranked gaps (DESIGN §4.5): a name and summary for each of the top gaps
/// (<c>name_gap</c>), a drafted article outline for missing and ineffective ones (<c>draft_outline</c>) and a second
/// opinion on borderline types (<c>review_gap_type</c>). Answers must be one JSON object of the asked shape; anything
/// else (or a failed call) leaves the extractive labels in place and records why in <see cref="GapDocument.AiFallbacks"/>.
/// The rule-based title and type never change, so a report stays comparable with and without a chat model.
/// </summary>
public sealed class GapNarrator
{
    /// <summary>The types a model may answer in a second opinion.</summary>
    public static readonly IReadOnlySet<string> GapTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "missing", "ineffective", "outdated", "findability", "process", "duplicate",
    };

    private readonly IChatClient _chat;
    private readonly PromptLibrary _prompts;
    private readonly int _maximumGaps;
    private readonly double _borderlineMargin;

    /// <summary>A narrator asking <paramref name="chat"/> with <paramref name="prompts"/>.</summary>
    public GapNarrator(IChatClient chat, PromptLibrary prompts, int maximumGaps = 10, double borderlineMargin = 0.05)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumGaps);
        _chat = chat;
        _prompts = prompts;
        _maximumGaps = maximumGaps;
        _borderlineMargin = borderlineMargin;
    }

    /// <summary>Whether a gap's type is borderline: it has a runner-up type, or its best article sits within the margin of the threshold.</summary>
    public bool IsBorderline(GapDocument gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return gap.SecondaryType is not null
            || (gap.SimilarityThreshold is { } threshold && gap.TopArticles.Count > 0 && Math.Abs(gap.TopArticles[0].Similarity - threshold) <= _borderlineMargin);
    }

    /// <summary>The report with the top gaps narrated.</summary>
    public async Task<ReportDocument> NarrateAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Gaps is not { Count: > 0 } gaps)
        {
            return report;
        }

        var narrated = new List<GapDocument>(gaps.Count);
        foreach (var gap in gaps)
        {
            narrated.Add(gap.Rank <= _maximumGaps ? await NarrateAsync(gap, cancellationToken) : gap);
        }

        return report with { Gaps = narrated };
    }

    /// <summary>One gap narrated.</summary>
    public async Task<GapDocument> NarrateAsync(GapDocument gap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var fallbacks = new List<string>();
        var tickets = gap.Evidence?.Where(e => e.Outcome == "failure" || e.Representative).Take(8).ToList() ?? [];
        var articles = gap.TopArticles.Select(a => (object?)new Dictionary<string, object?>
        {
            ["id"] = a.Id,
            ["title"] = a.Title,
            ["similarity"] = Number(a.Similarity),
            ["linked_tickets"] = (a.LinkedTickets ?? 0).ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var keywords = gap.Keywords.Select(k => (object?)k).ToList();

        var named = await AskAsync("name_gap", new Dictionary<string, object?>
        {
            ["gap_type"] = gap.Type,
            ["reason"] = gap.Reason,
            ["keywords"] = keywords,
            ["title"] = gap.Title,
            ["tickets"] = tickets.Select(t => (object?)Ticket(t)).ToList(),
            ["articles"] = articles,
        }, ParseName, fallbacks, cancellationToken);

        ArticleOutlineDocument? outline = null;
        if (gap.Type is "missing" or "ineffective" or "outdated")
        {
            outline = await AskAsync("draft_outline", new Dictionary<string, object?>
            {
                ["title"] = named?.Title ?? gap.Title,
                ["gap_type"] = gap.Type,
                ["reason"] = gap.Reason,
                ["keywords"] = keywords,
                ["tickets"] = tickets.Select(t => (object?)Ticket(t)).ToList(),
                ["articles"] = articles,
            }, ParseOutline, fallbacks, cancellationToken);
        }

        TypeOpinionDocument? opinion = null;
        if (IsBorderline(gap))
        {
            opinion = await AskAsync("review_gap_type", new Dictionary<string, object?>
            {
                ["gap_type"] = gap.Type,
                ["secondary_type"] = gap.SecondaryType,
                ["reason"] = gap.Reason,
                ["coverage"] = Number(gap.Coverage),
                ["threshold"] = gap.SimilarityThreshold is { } t ? Number(t) : "n/a",
                ["reopen_rate"] = Rate(gap.ReopenRate),
                ["escalation_rate"] = Rate(gap.EscalationRate),
                ["link_rate"] = Rate(gap.LinkRate),
                ["keywords"] = keywords,
                ["tickets"] = tickets.Select(t => (object?)Ticket(t)).ToList(),
                ["articles"] = articles,
            }, json => ParseOpinion(json, gap.Type), fallbacks, cancellationToken);
        }

        return gap with
        {
            AiTitle = named?.Title,
            AiSummary = named?.Summary,
            Outline = outline,
            TypeOpinion = opinion,
            AiFallbacks = fallbacks.Count == 0 ? null : fallbacks,
        };
    }

    private async Task<T?> AskAsync<T>(string promptName, Dictionary<string, object?> arguments, Func<JsonElement, T> parse, List<string> fallbacks, CancellationToken cancellationToken)
        where T : class
    {
        var prompt = _prompts.Get(promptName);
        string text;
        try
        {
            var response = await _chat.GetResponseAsync(prompt.RenderMessages(arguments), prompt.ChatOptions(), cancellationToken);
            text = response.Text;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            fallbacks.Add($"{promptName}: the chat call failed ({exception.GetType().Name}: {Shorten(exception.Message)})");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Unfence(text));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the answer is not a JSON object");
            }

            return parse(document.RootElement);
        }
        catch (JsonException)
        {
            fallbacks.Add($"{promptName}: the answer is not JSON ({Shorten(text)})");
        }
        catch (FormatException exception)
        {
            fallbacks.Add($"{promptName}: {exception.Message}");
        }

        return null;
    }

    private static NamedGap ParseName(JsonElement json) =>
        new(String(json, "title", 120), String(json, "summary", 1200));

    private static ArticleOutlineDocument ParseOutline(JsonElement json) => new()
    {
        Title = String(json, "title", 160),
        Audience = String(json, "audience", 120),
        Steps = Strings(json, "steps", 1, 15),
        Needs = Strings(json, "needs", 1, 8),
    };

    private static TypeOpinionDocument ParseOpinion(JsonElement json, string ruleType)
    {
        var type = String(json, "type", 20);
        if (!GapTypes.Contains(type))
        {
            throw new FormatException($"'type' is '{type}', not one of {string.Join(", ", GapTypes)}");
        }

        if (!json.TryGetProperty("agrees", out var agrees) || agrees.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new FormatException("'agrees' is missing or not true/false");
        }

        // The model's own verdict wins over a self-contradicting flag: it agrees when it names the same type.
        return new TypeOpinionDocument { Type = type, Agrees = type == ruleType, Reason = String(json, "reason", 600) };
    }

    private static string String(JsonElement json, string name, int maximumLength)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new FormatException($"'{name}' is missing or not a non-empty string");
        }

        var text = value.GetString()!.Trim();
        if (text.Length > maximumLength)
        {
            throw new FormatException($"'{name}' is longer than {maximumLength} characters");
        }

        return text;
    }

    private static List<string> Strings(JsonElement json, string name, int minimum, int maximum)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'{name}' is missing or not an array");
        }

        var items = value.EnumerateArray().ToList();
        if (items.Count < minimum || items.Count > maximum || items.Any(i => i.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(i.GetString())))
        {
            throw new FormatException($"'{name}' must hold {minimum} to {maximum} non-empty strings");
        }

        return [.. items.Select(i => i.GetString()!.Trim())];
    }

    // Chat models often wrap JSON in a Markdown fence even when asked not to; that one wrapper is accepted.
    private static string Unfence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("```", StringComparison.Ordinal) && trimmed.EndsWith("```", StringComparison.Ordinal) && trimmed.Length > 6)
        {
            var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
            return firstLine < 0 ? trimmed : trimmed[(firstLine + 1)..^3];
        }

        return trimmed;
    }

    private static Dictionary<string, object?> Ticket(EvidenceTicketDocument ticket) => new()
    {
        ["subject"] = ticket.Subject,
        ["excerpt"] = ticket.Excerpt,
        ["resolution"] = ticket.Resolution,
        ["failure_reasons"] = ticket.FailureReasons.Count == 0 ? ticket.Outcome : string.Join(", ", ticket.FailureReasons),
    };

    private static string Rate(RateDocument? rate) => rate is null ? "n/a" : rate.Rate.ToString("P0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    private sealed record NamedGap(string Title, string Summary);
}
