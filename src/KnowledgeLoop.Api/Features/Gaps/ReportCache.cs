using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>
/// The report of the latest succeeded analysis, parsed once: every gap request asks the store which analysis is
/// the latest (one indexed query) and parses its report.json only when that changed.
/// </summary>
internal sealed class ReportCache(KnowledgeStoreFactory stores)
{
    private LatestReport? _latest;

    /// <summary>The latest succeeded analysis and its report, or null when none has succeeded.</summary>
    public LatestReport? Latest()
    {
        var record = stores.Run(store => new AnalysisRepository(store).LatestSucceeded());
        if (record is null)
        {
            return null;
        }

        var cached = Volatile.Read(ref _latest);
        if (cached is not null && cached.Record.Id == record.Id)
        {
            return cached;
        }

        var json = stores.Run(store => new AnalysisRepository(store).ReadReport(record.Id));
        if (json is null)
        {
            return null;
        }

        var latest = new LatestReport(record, ReportJson.Deserialize(json));
        Volatile.Write(ref _latest, latest);
        return latest;
    }

    /// <summary>Keeps a just-finished report so the first read doesn't parse it again.</summary>
    public void Remember(string analysisId, ReportDocument report)
    {
        var record = stores.Run(store => new AnalysisRepository(store).Find(analysisId));
        if (record is not null)
        {
            Volatile.Write(ref _latest, new LatestReport(record, report));
        }
    }
}
