using System.Diagnostics;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary>
/// Turns the analyzer's per-stage fractions into one overall percent (stages weighted by their usual share of the
/// time) and writes it to the store on every stage change and at most every quarter second otherwise.
/// </summary>
internal sealed class AnalysisProgressReporter(string analysisId, KnowledgeStoreFactory stores, IAnalysisObserver observer, CancellationToken cancellationToken)
    : IProgress<AnalysisProgress>
{
    // Metrics, Text, Embedding, Clustering, Labels, Matching, Gaps: measured shares of a 100k-ticket run, rounded.
    private static readonly double[] Weights = [5, 10, 35, 25, 5, 10, 10];
    private static readonly long MinimumInterval = Stopwatch.Frequency / 4;

    private AnalysisStage? _lastStage;
    private long _lastWrite;

    /// <summary>The overall percent of a stage's fraction.</summary>
    public static double Percent(AnalysisProgress progress)
    {
        var stage = Math.Clamp((int)progress.Stage, 0, Weights.Length - 1);
        double done = 0;
        for (var i = 0; i < stage; i++)
        {
            done += Weights[i];
        }

        return Math.Clamp(done + (Weights[stage] * Math.Clamp(progress.Fraction, 0, 1)), 0, 100);
    }

    public void Report(AnalysisProgress value)
    {
        var now = Stopwatch.GetTimestamp();
        if (value.Stage != _lastStage || now - _lastWrite >= MinimumInterval)
        {
            _lastStage = value.Stage;
            _lastWrite = now;
            stores.Run(store => new AnalysisRepository(store).UpdateProgress(analysisId, value.Stage.ToString(), Math.Round(Percent(value), 1)));
        }

        observer.OnProgress(analysisId, value, cancellationToken);
    }
}
