using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Storage;
using Spectre.Console;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>
/// <c>knowledgeloop impact --store FILE.db [--gap ID] [--json]</c>: did the articles help? The before/after FCR of
/// each gap that got an article in the data period, from the latest analysis in the store.
/// </summary>
internal static class ImpactCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(ReportJson.Options) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var store = CommonOptions.Store(required: true);
        var gap = new Option<string?>("--gap") { Description = "Only this gap (its id in the report)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("impact", "Show the impact of published articles on their gaps (FCR before vs after, tests, verdict) from the latest analysis in the store.")
        {
            store, gap, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storeFile = parse.GetValue(store)!;
            if (!storeFile.Exists)
            {
                throw new CliException($"the store {storeFile.FullName} does not exist; create it with 'knowledgeloop analyze --store'.");
            }

            ReportDocument report;
            using (var knowledgeStore = KnowledgeStore.Open(storeFile.FullName))
            {
                var repository = new AnalysisRepository(knowledgeStore);
                var latest = repository.LatestSucceeded()
                    ?? throw new CliException($"{storeFile.Name} has no analysis yet; run 'knowledgeloop analyze --store {storeFile.Name}' first.");
                report = ReportJson.Deserialize(repository.ReadReport(latest.Id)
                    ?? throw new CliException($"the latest analysis ({latest.Id}) in {storeFile.Name} has no report."));
            }

            var gaps = report.Gaps ?? [];
            var only = parse.GetValue(gap);
            if (only is not null)
            {
                gaps = gaps.Where(g => string.Equals(g.Id, only, StringComparison.Ordinal)).ToList();
                if (gaps.Count == 0)
                {
                    throw new CliException($"the latest analysis has no gap '{only}'; 'knowledgeloop impact --store {storeFile.Name}' lists the gaps with an impact.");
                }
            }
            else
            {
                gaps = gaps.Where(g => g.Impact is not null).ToList();
            }

            if (parse.GetValue(json))
            {
                var rows = gaps.Select(g => new { gap_id = g.Id, rank = g.Rank, title = g.Title, type = g.Type, impact = g.Impact }).ToList();
                await console.Output.WriteLineAsync(only is null ? JsonSerializer.Serialize(rows, JsonOptions) : JsonSerializer.Serialize(rows[0], JsonOptions));
                return ExitCodes.Success;
            }

            if (gaps.All(g => g.Impact is null))
            {
                await console.Output.WriteLineAsync(only is null
                    ? "No gap had an article created, updated or published in the data period."
                    : $"Gap {only}: no article matching it was created, updated or published in the data period.");
                return ExitCodes.Success;
            }

            Write(console, gaps);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The impact table of gaps that have an impact.</summary>
    public static void Write(CliConsole console, IReadOnlyList<GapDocument> gaps)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Impact of articles on their gaps (FCR before → after, same-length windows)");
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("Gap");
        table.AddColumn("Article");
        table.AddColumn("Event");
        table.AddColumn(new TableColumn("Days").RightAligned());
        table.AddColumn(new TableColumn("FCR before").RightAligned());
        table.AddColumn(new TableColumn("FCR after").RightAligned());
        table.AddColumn(new TableColumn("Change").RightAligned());
        table.AddColumn(new TableColumn("p").RightAligned());
        table.AddColumn(new TableColumn("DiD (p)").RightAligned());
        table.AddColumn("Verdict");
        foreach (var gap in gaps)
        {
            var impact = gap.Impact!;
            table.AddRow(
                gap.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape($"{gap.Id} {gap.Title}"),
                Markup.Escape($"{impact.ArticleId} {impact.ArticleTitle}"),
                Markup.Escape($"{impact.EventAt.UtcDateTime:yyyy-MM-dd} {impact.Source}"),
                impact.WindowDays.ToString("0", CultureInfo.InvariantCulture),
                Rate(impact.Before.Fcr),
                Rate(impact.After.Fcr),
                impact.FcrChange is { } change ? string.Create(CultureInfo.InvariantCulture, $"{change * 100:+0.0;-0.0;0.0} pt") : "-",
                impact.PValue is { } p ? P(p) : "-",
                impact.DidEstimate is { } did ? string.Create(CultureInfo.InvariantCulture, $"{did * 100:+0.0;-0.0;0.0} pt ({P(impact.DidPValue!.Value)})") : "-",
                Verdict(impact.Verdict));
        }

        console.Out.Write(table);
        console.Out.MarkupLine(Markup.Escape($"Windows hold mature outcomes only; control = {gaps[0].Impact?.ControlGapCount ?? 0} gaps with no article event, pooled; alpha {gaps[0].Impact?.Alpha.ToString(CultureInfo.InvariantCulture)}."));
    }

    private static string Rate(RateDocument? rate) => rate is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{rate.Rate * 100:0}% ({rate.Numerator}/{rate.Denominator})");

    private static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Verdict(string verdict) => verdict switch
    {
        "improved" => "[green]improved[/]",
        "worsened" => "[red]worsened[/]",
        _ => Markup.Escape(verdict),
    };
}
