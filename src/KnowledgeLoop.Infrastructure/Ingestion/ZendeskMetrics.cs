using System.Text.Json;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>The Zendesk ticket metrics a ticket needs (protocols.md §3.2), from the metrics file or a side-loaded metric_set.</summary>
internal sealed record ZendeskMetrics(int? Reopens, int? Replies, int? GroupStations, DateTimeOffset? SolvedAt)
{
    /// <summary>Reads a ticket metrics file (<c>{"ticket_metrics":[...]}</c>, array or JSON Lines) into ticket id → metrics.</summary>
    public static async Task<(Dictionary<string, ZendeskMetrics> Metrics, ImportProblem? Problem)> LoadAsync(string path, ValueParser parser, CancellationToken cancellationToken)
    {
        var metrics = new Dictionary<string, ZendeskMetrics>(StringComparer.Ordinal);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (metrics, new ImportProblem(path, 0, null, null, $"cannot open the ticket metrics file: {e.Message}"));
        }

        await using (stream)
        {
            var reader = new JsonRecordReader(stream, path, ["ticket_metrics"]);
            await foreach (var (element, line, problem, _) in reader.ReadAsync(cancellationToken))
            {
                if (problem is not null)
                {
                    return (metrics, problem);
                }

                var metric = element.TryGetProperty("ticket_metric", out var single) && single.ValueKind == JsonValueKind.Object ? single : element;
                if (!metric.TryGetProperty("ticket_id", out var id) || JsonRecordReader.Scalar(id) is not { } ticketId)
                {
                    return (metrics, new ImportProblem(path, line, "ticket_id", null, "a ticket metric without ticket_id"));
                }

                metrics[ticketId] = From(metric, parser);
            }
        }

        return (metrics, null);
    }

    /// <summary>Lays the metrics over a mapped ticket: reopens, replies, group stations (more than one = escalated), solved_at.</summary>
    public static Ticket Enrich(Ticket ticket, RowReader row, Dictionary<string, ZendeskMetrics>? metrics)
    {
        var element = row.Record.Element;
        ZendeskMetrics? m = null;
        if (metrics is not null)
        {
            metrics.TryGetValue(ticket.Id, out m);
        }

        if (m is null && element is { } e && e.TryGetProperty("metric_set", out var set) && set.ValueKind == JsonValueKind.Object)
        {
            m = From(set, row.Parser);
        }

        var solved = ticket.Status is { } status && (status.Equals("solved", StringComparison.OrdinalIgnoreCase) || status.Equals("closed", StringComparison.OrdinalIgnoreCase));
        DateTimeOffset? resolvedAt = null;
        if (solved)
        {
            // Without metrics, a solved ticket's last update is the closest timestamp the ticket itself carries.
            resolvedAt = m?.SolvedAt ?? ticket.ResolvedAt ?? Date(element, "updated_at", row.Parser);
        }

        var stations = m?.GroupStations;
        return ticket with
        {
            ResolvedAt = resolvedAt,
            ReopenCount = m?.Reopens ?? ticket.ReopenCount,
            Replies = m?.Replies ?? ticket.Replies,
            GroupTransfers = stations is int g ? Math.Max(0, g - 1) : ticket.GroupTransfers,
            Escalated = ticket.Escalated || stations > 1,
        };
    }

    private static ZendeskMetrics From(JsonElement metric, ValueParser parser) =>
        new(Count(metric, "reopens"), Count(metric, "replies"), Count(metric, "group_stations"), Date(metric, "solved_at", parser));

    private static int? Count(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && JsonRecordReader.Scalar(value) is { } text && ValueParser.TryParseCount(text, out var count) ? count : null;

    private static DateTimeOffset? Date(JsonElement? element, string name, ValueParser parser) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && parser.TryParseDate(value.GetString()!, out var date) ? date : null;
}
