using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tracking;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>
/// The latest run's since-run figures (<see cref="SinceRunReader"/>), computed once per assignment: each gap request
/// asks the store for the run, its watermark and the last assignment's time (three indexed look-ups) and recomputes
/// only when they changed.
/// </summary>
internal sealed class SinceRunCache(KnowledgeStoreFactory stores, IOptions<AnalysisOptions> analysis)
{
    private Tuple<string, SinceRunSnapshot?>? _cached;

    /// <summary>The snapshot of run <paramref name="runId"/>, or null when the store's latest run is another one (or none).</summary>
    public SinceRunSnapshot? For(string runId)
    {
        var key = stores.Run(SinceRunReader.Key);
        if (key is null)
        {
            return null;
        }

        var cached = Volatile.Read(ref _cached);
        SinceRunSnapshot? snapshot;
        if (cached is not null && cached.Item1 == key)
        {
            snapshot = cached.Item2;
        }
        else
        {
            snapshot = stores.Run(store => SinceRunReader.Read(store, analysis.Value.Metrics));
            Volatile.Write(ref _cached, Tuple.Create(key, snapshot));
        }

        return snapshot is not null && string.Equals(snapshot.RunId, runId, StringComparison.Ordinal) ? snapshot : null;
    }
}
