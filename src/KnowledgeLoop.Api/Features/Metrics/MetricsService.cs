using System.Collections.Concurrent;
using System.Globalization;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Metrics;

/// <summary>
/// The metrics document (what <c>knowledgeloop metrics --json</c> prints) over the store, optionally restricted to a
/// period and one segment. Results are cached until the next import changes the data.
/// </summary>
internal sealed class MetricsService(KnowledgeStoreFactory stores, IOptions<AnalysisOptions> analysis, TimeProvider time)
{
    private const int MaximumCached = 64;
    private readonly ConcurrentDictionary<(StoreCounts Version, MetricsQuery Query), ReportDocument> _cache = new();

    /// <summary>The metrics document of the tickets <paramref name="query"/> selects.</summary>
    public ReportDocument Compute(MetricsQuery query, CancellationToken cancellationToken = default)
    {
        // Every import (even a re-import of the same ids) adds to the import log, so the counts change whenever the data does.
        var version = stores.Run(store => store.Count());
        if (_cache.TryGetValue((version, query), out var cached))
        {
            return cached;
        }

        var (tickets, sessions, articles) = stores.Run(store => (
            store.ReadTickets(cancellationToken).Where(t => Selects(query, t)).ToList(),
            store.ReadSessions(cancellationToken).Where(s => (query.From is null || s.StartedAt >= query.From) && (query.Before is null || s.StartedAt < query.Before)).ToList(),
            version.Articles));
        var options = analysis.Value.Metrics;
        var document = MetricsDocument.From(MetricsEngine.Compute(tickets, sessions, options, (int)articles), options, time);

        if (_cache.Count >= MaximumCached)
        {
            _cache.Clear();
        }

        _cache[(version, query)] = document;
        return document;
    }

    /// <summary>The key of a ticket in a segment dimension, as the report's segments name it.</summary>
    public static string SegmentKey(Ticket ticket, SegmentDimension dimension) => SegmentKeys.Key(ticket, dimension);

    private static bool Selects(MetricsQuery query, Ticket ticket) =>
        (query.From is null || ticket.CreatedAt >= query.From)
        && (query.Before is null || ticket.CreatedAt < query.Before)
        && (query.Dimension is not { } dimension || string.Equals(SegmentKey(ticket, dimension), query.Value, StringComparison.OrdinalIgnoreCase));
}
