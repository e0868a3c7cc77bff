using System.CommandLine;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Cli.Commands;

/// <summary><c>knowledgeloop metrics</c>: FCR and the other rates, overall and by segment, from a store or from files.</summary>
internal static class MetricsCommand
{
    public static Command Create(CliConsole console)
    {
        var store = CommonOptions.Store();
        var tickets = new Option<FileInfo?>("--tickets") { Description = "Tickets file (CSV, JSON or JSON Lines), read without a store." };
        var sessions = new Option<FileInfo?>("--sessions") { Description = "Self-service sessions file, with --tickets." };
        var format = CommonOptions.Format();
        var mapping = CommonOptions.Mapping();
        var ticketMetrics = CommonOptions.TicketMetrics();
        var asOf = CommonOptions.AsOf();
        var segment = CommonOptions.Segment();
        var json = new Option<bool>("--json") { Description = "Print the counts, metrics and segments parts of report.json instead of tables." };
        var windows = new WindowOptions();

        var command = new Command("metrics", "Compute FCR, reopen, escalation, first-tier resolution, repeat contact, deflection, NIA and link rates.")
        {
            store, tickets, sessions, format, mapping, ticketMetrics, asOf, segment, json,
        };
        windows.AddTo(command);
        command.Validators.Add(result =>
        {
            var hasStore = result.GetValue(store) is not null;
            var hasTickets = result.GetValue(tickets) is not null;
            if (hasStore == hasTickets)
            {
                result.AddError("give either --store FILE.db or --tickets FILE (not both).");
            }
            else if (hasStore && result.GetValue(sessions) is not null)
            {
                result.AddError("--sessions goes with --tickets; with --store, import the sessions into the store first.");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var dimension = parse.GetValue(segment);
            var options = windows.Read(parse, parse.GetValue(asOf), dimension is { } only ? [only] : null);

            var data = parse.GetValue(store) is { } storeFile
                ? DataSet.FromStore(storeFile, cancellationToken)
                : await DataSet.FromFilesAsync(console, parse.GetValue(tickets)!, parse.GetValue(sessions), CommonOptions.ImportOptions(parse.GetValue(format), parse.GetValue(mapping), parse.GetValue(ticketMetrics)), cancellationToken);
            if (data.Tickets.Count == 0)
            {
                throw new CliException("there are no tickets to compute metrics on.");
            }

            var result = await console.WithProgressAsync("Computing metrics", _ =>
                Task.FromResult(MetricsEngine.Compute(data.Tickets, data.Sessions, options, data.ArticleCount)));

            if (parse.GetValue(json))
            {
                await console.Output.WriteLineAsync(ReportJson.Serialize(MetricsDocument.From(result, options)));
            }
            else
            {
                MetricsTables.Write(console, result, dimension);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
