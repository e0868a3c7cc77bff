using KnowledgeLoop.Core.Analysis;

namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary>Sees every progress report of a running analysis, on the analysis thread (a seam for tests and metrics).</summary>
internal interface IAnalysisObserver
{
    /// <summary>Called synchronously from the analysis; <paramref name="cancellationToken"/> is the run's token.</summary>
    void OnProgress(string analysisId, AnalysisProgress progress, CancellationToken cancellationToken);
}
