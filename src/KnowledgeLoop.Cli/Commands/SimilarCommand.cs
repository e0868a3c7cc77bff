using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Core.Search;
using KnowledgeLoop.Core.Text;
using KnowledgeLoop.Infrastructure.Storage;
using Spectre.Console;

namespace KnowledgeLoop.Cli.Commands;

/// <summary><c>knowledgeloop similar "text"</c>: past tickets like this one, split into what worked and what didn't, and the best articles.</summary>
internal static class SimilarCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "The customer's question or the ticket text." };
        var store = CommonOptions.Store(required: true);
        var k = new Option<int>("--k") { Description = "How many tickets of each kind to show.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("similar", "Find similar past tickets (resolved on first contact, and failed) and the best articles, from the last analysis in the store.")
        {
            text, store, k, json,
        };
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(text)))
            {
                result.AddError("give the text to search for.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(k) is < 1 or > 100)
            {
                throw new CliException("--k must be between 1 and 100.");
            }

            var storeFile = parse.GetValue(store)!;
            if (!storeFile.Exists)
            {
                throw new CliException($"the store {storeFile.FullName} does not exist; create it with 'knowledgeloop analyze --store'.");
            }

            using var knowledgeStore = KnowledgeStore.Open(storeFile.FullName);
            var search = AnalysisStore.OpenSearch(knowledgeStore)
                ?? throw new CliException($"{storeFile.Name} has no analysis yet; run 'knowledgeloop analyze --store {storeFile.Name}' first.");
            var cases = await search.SearchAsync(parse.GetValue(text)!, parse.GetValue(k), cancellationToken);
            if (parse.GetValue(json))
            {
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(Json(cases), JsonOptions));
            }
            else
            {
                Write(console, "Resolved on first contact", cases.Resolved);
                Write(console, "Failed (reopened, escalated or followed up)", cases.Failed);
                var articles = new Table().Border(TableBorder.Rounded).Title("Best articles");
                articles.AddColumn("Article");
                articles.AddColumn("Section");
                articles.AddColumn(new TableColumn("Similarity").RightAligned());
                foreach (var article in cases.Articles)
                {
                    articles.AddRow(Markup.Escape($"{article.Article.Id} {article.Article.Title}"), Markup.Escape(article.Heading), Similarity(article.Similarity));
                }

                console.Out.Write(articles);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static void Write(CliConsole console, string title, IReadOnlyList<SimilarCase> cases)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("Ticket");
        table.AddColumn(new TableColumn("Similarity").RightAligned());
        table.AddColumn("Subject");
        table.AddColumn("Resolution");
        table.AddColumn("Linked articles");
        foreach (var item in cases)
        {
            table.AddRow(
                Markup.Escape(item.Ticket.Id),
                Similarity(item.Similarity),
                Markup.Escape(TextExcerpt.Shorten(item.Ticket.Subject ?? item.Ticket.Description ?? string.Empty, 60)),
                Markup.Escape(TextExcerpt.Shorten(item.Ticket.Resolution ?? "-", 70)),
                Markup.Escape(item.Ticket.LinkedArticleIds.Count == 0 ? "-" : string.Join(", ", item.Ticket.LinkedArticleIds)));
        }

        if (cases.Count == 0)
        {
            table.AddRow("-", string.Empty, "none", string.Empty, string.Empty);
        }

        console.Out.Write(table);
    }

    private static object Json(SimilarCases cases) => new
    {
        Resolved = cases.Resolved.Select(Case),
        Failed = cases.Failed.Select(Case),
        Articles = cases.Articles.Select(a => new { a.Article.Id, a.Article.Title, a.Article.Url, Section = a.Heading, a.Similarity }),
    };

    private static object Case(SimilarCase item) => new
    {
        item.Ticket.Id,
        item.Similarity,
        item.Outcome,
        item.Ticket.Subject,
        item.Ticket.Resolution,
        item.Ticket.Category,
        item.Ticket.LinkedArticleIds,
        CreatedAt = item.Ticket.CreatedAt,
    };

    private static string Similarity(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
