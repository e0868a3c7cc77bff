using KnowledgeLoop.Api.Features.Analyses;
using KnowledgeLoop.Core.Analysis;

namespace KnowledgeLoop.Api.Tests;

/// <summary>Holds every analysis at its first Embedding progress report until it is cancelled (or 60 s pass), so a test can cancel it mid-run.</summary>
internal sealed class GateObserver : IAnalysisObserver, IDisposable
{
    private readonly SemaphoreSlim _reached = new(0);

    /// <summary>Waits until an analysis is held at the gate.</summary>
    public Task<bool> WaitUntilHeldAsync() => _reached.WaitAsync(TimeSpan.FromSeconds(60));

    public void OnProgress(string analysisId, AnalysisProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Stage != AnalysisStage.Embedding)
        {
            return;
        }

        _reached.Release();
        cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
    }

    public void Dispose() => _reached.Dispose();
}
