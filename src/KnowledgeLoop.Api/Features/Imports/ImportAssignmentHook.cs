using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tracking;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Imports;

/// <summary>
/// Runs the incremental assignment (<see cref="IncrementalAssigner"/>) after a committed ticket import. The import has
/// committed by then: an assignment that fails is logged and reported, never turns the import into an error, and the
/// next import (or analysis) catches up.
/// </summary>
internal sealed partial class ImportAssignmentHook(
    KnowledgeStoreFactory stores,
    IOptions<IncrementalOptions> incremental,
    IOptions<AnalysisOptions> analysis,
    TimeProvider time,
    ILogger<ImportAssignmentHook> logger)
{
    private readonly StoredModelCache _models = new();

    public ImportAssignmentResponse Assign(CancellationToken cancellationToken)
    {
        try
        {
            var result = stores.Run(store => new IncrementalAssigner(store, incremental.Value, analysis.Value.Metrics, time, _models).Assign(cancellationToken));
            LogAssigned(result.Status, result.Tickets, result.Assigned, result.Gaps, result.UnassignedFailures, result.Emerging.Count);
            return ImportAssignmentResponse.From(result);
        }
#pragma warning disable CA1031 // The import has committed: no failure of the assignment may turn it into an error.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(exception);
            var reason = $"failed ({exception.Message}); the import stands, and the next import or analysis catches up.";
            return ImportAssignmentResponse.From(IncrementalResult.NotRun(IncrementalStatus.Unavailable, reason));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental assignment {Status}: {Assigned} of {Tickets} tickets to {Gaps} gaps, {UnassignedFailures} unassigned failures, {Emerging} emerging gaps")]
    private partial void LogAssigned(IncrementalStatus status, int tickets, int assigned, int gaps, int unassignedFailures, int emerging);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incremental assignment failed after an import")]
    private partial void LogFailed(Exception exception);
}
