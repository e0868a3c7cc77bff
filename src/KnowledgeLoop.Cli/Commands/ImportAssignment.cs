using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tracking;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>
/// After <c>import --tickets</c>: assigns the new tickets to the store's latest run (<see cref="IncrementalAssigner"/>)
/// and says so on stderr. The import has committed by then; an assignment that fails leaves it standing, and the next
/// import (or run) catches up.
/// </summary>
internal static class ImportAssignment
{
    public static IncrementalResult? Run(CliConsole console, KnowledgeStore store, CancellationToken cancellationToken)
    {
        try
        {
            var result = new IncrementalAssigner(store, new IncrementalOptions(), new MetricsOptions()).Assign(cancellationToken);
            if (result.Status != IncrementalStatus.NoRun)
            {
                console.Note(result.Status == IncrementalStatus.Assigned
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{result.Describe()} ({result.Seconds:0.0} s)")
                    : result.Describe());
            }

            return result;
        }
#pragma warning disable CA1031 // The import has committed: no failure of the assignment may turn it into an error.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            console.Note($"incremental assignment failed ({exception.Message}); the import stands, and the next import or analysis catches up.");
            return null;
        }
    }
}
