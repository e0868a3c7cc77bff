using System.CommandLine;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli.Commands;

/// <summary><c>knowledgeloop import</c>: files into the store, each file atomically.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var tickets = new Option<FileInfo?>("--tickets") { Description = "Tickets file (CSV, JSON or JSON Lines)." };
        var articles = CommonOptions.Articles();
        var sessions = new Option<FileInfo?>("--sessions") { Description = "Self-service sessions file (CSV, JSON or JSON Lines)." };
        var store = CommonOptions.Store(required: true);
        var format = CommonOptions.Format();
        var mapping = CommonOptions.Mapping();
        var ticketMetrics = CommonOptions.TicketMetrics();
        var allowPartial = new Option<bool>("--allow-partial")
        {
            Description = "Import the good rows and write the bad ones, with a reason, to <name>.rejects.csv.",
        };

        var command = new Command("import", "Import tickets, articles and sessions into the store. Each file is all-or-nothing unless --allow-partial.")
        {
            tickets, articles, sessions, store, format, mapping, ticketMetrics, allowPartial,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ticketFile = parse.GetValue(tickets);
            var articleSource = parse.GetValue(articles);
            var sessionFile = parse.GetValue(sessions);
            if (ticketFile is null && articleSource is null && sessionFile is null)
            {
                throw new CliException("nothing to import: give --tickets, --articles and/or --sessions.");
            }

            var options = CommonOptions.ImportOptions(parse.GetValue(format), parse.GetValue(mapping), parse.GetValue(ticketMetrics));
            using var knowledgeStore = KnowledgeStore.Open(parse.GetValue(store)!.FullName);
            var runner = new ImportRunner(console, knowledgeStore, options, parse.GetValue(allowPartial));
            var ok = await runner.ImportAsync(ticketFile, articleSource, sessionFile, cancellationToken);
            if (ticketFile is not null)
            {
                ImportAssignment.Run(console, knowledgeStore, cancellationToken);
            }

            return ok ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }
}
