using System.CommandLine;
using System.Globalization;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Infrastructure.Ingestion;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>Options several commands share, spelled as DESIGN §9 spells them.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Store(bool required = false) => new("--store")
    {
        Description = "The SQLite store file (created if missing).",
        Required = required,
    };

    public static Option<ImportFormat> Format() => new("--format")
    {
        Description = "The export's format: generic, zendesk, freshdesk, jira or servicenow.",
        DefaultValueFactory = _ => ImportFormat.Generic,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "generic" : result.Tokens[0].Value;
            if (Enum.TryParse<ImportFormat>(text, ignoreCase: true, out var format) && !int.TryParse(text, out _))
            {
                return format;
            }

            result.AddError($"--format '{text}' is not one of generic, zendesk, freshdesk, jira, servicenow.");
            return ImportFormat.Generic;
        },
    };

    public static Option<FileInfo?> Mapping() => new("--mapping")
    {
        Description = "A JSON or YAML file mapping the export's columns to KnowledgeLoop's fields.",
    };

    public static Option<FileSystemInfo?> Articles() => new("--articles")
    {
        Description = "Articles: a folder of Markdown/HTML files, or a CSV/JSON file.",
        CustomParser = result => Directory.Exists(result.Tokens[0].Value) ? new DirectoryInfo(result.Tokens[0].Value) : new FileInfo(result.Tokens[0].Value),
    };

    public static Option<FileInfo?> TicketMetrics() => new("--ticket-metrics")
    {
        Description = "Zendesk only: the ticket_metrics JSON export (reopens, replies, group stations, solved_at), joined to the tickets by ticket_id.",
    };

    public static Option<DateTimeOffset?> AsOf() => new("--as-of")
    {
        Description = "Compute as of this time (ISO 8601); defaults to the latest timestamp in the data.",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            {
                return value;
            }

            result.AddError($"--as-of '{text}' is not a date; use ISO 8601 such as 2026-09-30 or 2026-09-30T12:00:00Z.");
            return null;
        },
    };

    public static Option<SegmentDimension?> Segment() => new("--segment")
    {
        Description = "Show one segment dimension: category, product, channel, priority, group, agent, week or month.",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Enum.TryParse<SegmentDimension>(text, ignoreCase: true, out var dimension) && !int.TryParse(text, out _))
            {
                return dimension;
            }

            result.AddError($"--segment '{text}' is not one of category, product, channel, priority, group, agent, week, month.");
            return null;
        },
    };

    /// <summary>The import options the format and mapping options describe.</summary>
    public static ImportOptions ImportOptions(ImportFormat format, FileInfo? mapping, FileInfo? ticketMetrics = null)
    {
        if (ticketMetrics is not null && !ticketMetrics.Exists)
        {
            throw new CliException($"the ticket metrics file {ticketMetrics.FullName} does not exist.");
        }

        if (mapping is not null && !mapping.Exists)
        {
            throw new CliException($"the mapping file {mapping.FullName} does not exist.");
        }

        return new ImportOptions
        {
            Format = format,
            Mapping = mapping is null ? null : FieldMapping.Load(mapping.FullName),
            TicketMetricsPath = ticketMetrics?.FullName,
        };
    }
}
