namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>How to read an export: which preset, an optional mapping file, and the joins and time zone some exports need.</summary>
public sealed class ImportOptions
{
    /// <summary>The export the files come from. Defaults to <see cref="ImportFormat.Generic"/>.</summary>
    public ImportFormat Format { get; init; }

    /// <summary>A user's field mapping laid over the preset; null keeps the preset as it is.</summary>
    public FieldMapping? Mapping { get; init; }

    /// <summary>Zendesk only: the ticket metrics JSON (<c>{"ticket_metrics":[...]}</c>, array or JSON Lines) joined to tickets by <c>ticket_id</c>.</summary>
    public string? TicketMetricsPath { get; init; }

    /// <summary>The zone of timestamps written without an offset. Defaults to UTC.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
}
