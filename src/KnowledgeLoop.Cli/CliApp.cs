using System.CommandLine;
using KnowledgeLoop.Cli.Commands;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli;

/// <summary>The <c>knowledgeloop</c> command: parses, dispatches and maps failures to DESIGN §9's exit codes.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line with results on <paramref name="output"/> and progress and errors on <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("KnowledgeLoop: finds the knowledge gaps that cost First Contact Resolution.")
        {
            ImportCommand.Create(console),
            MetricsCommand.Create(console),
            AnalyzeCommand.Create(console),
            SimilarCommand.Create(console),
            ImpactCommand.Create(console),
            DemoCommand.Create(console),
            ServeCommand.Create(console),
        };

        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }
        catch (ImportException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }
        catch (StoreException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return ExitCodes.Unexpected;
        }
#pragma warning disable CA1031 // The last line of defence: any other failure becomes exit code 2 with its message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"unexpected error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Unexpected;
        }
    }
}
