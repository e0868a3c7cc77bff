using KnowledgeLoop.Core.Analysis;

namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary>The default observer: does nothing.</summary>
internal sealed class NoAnalysisObserver : IAnalysisObserver
{
    public void OnProgress(string analysisId, AnalysisProgress progress, CancellationToken cancellationToken)
    {
    }
}
