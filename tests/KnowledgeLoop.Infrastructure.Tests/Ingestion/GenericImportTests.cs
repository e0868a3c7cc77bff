using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Tickets;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

public sealed class GenericImportTests
{
    [Fact]
    public async Task ReadTickets_GenericCsv_MapsEveryContractField()
    {
        var rows = await TicketsAsync(Fixture("generic/tickets.csv"));

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
        var t1 = rows[0].Entity!;
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("T-1", t1.Id);
        Assert.Equal(Utc(2026, 5, 4, 9, 12), t1.CreatedAt);
        Assert.Equal(Utc(2026, 5, 5, 8, 0), t1.ResolvedAt);
        Assert.Equal(TimeSpan.Zero, t1.ResolvedAt!.Value.Offset);
        Assert.Equal("solved", t1.Status);
        Assert.Equal("C-1", t1.CustomerId);
        Assert.Equal("email", t1.Channel);
        Assert.Equal("integrations", t1.Category);
        Assert.Equal("sync", t1.Product);
        Assert.Equal("high", t1.Priority);
        Assert.Equal("tier1", t1.Group);
        Assert.Equal("Ana", t1.Agent);
        Assert.Equal("QuickBooks sync fails", t1.Subject);
        Assert.Equal("Sync stopped after the update.\nIt says \"token expired\", twice.", t1.Description);
        Assert.Equal("Reconnected the app", t1.Resolution);
        Assert.Equal(2, t1.ReopenCount);
        Assert.True(t1.Escalated);
        Assert.Equal(["reconnect-quickbooks", "sync-faq"], t1.LinkedArticleIds);
        Assert.Equal(4.5, t1.Csat);
        Assert.Equal(ResolvedBy.Agent, t1.ResolvedBy);
        Assert.Equal("EU", t1.Attributes["region"]);
        Assert.Single(t1.Attributes);
    }

    [Fact]
    public async Task ReadTickets_MultiLineQuotedField_NextRowReportsItsOwnStartLine()
    {
        var rows = await TicketsAsync(Fixture("generic/tickets.csv"));

        Assert.Equal([2, 4, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadTickets_DateOnlyAndSpaceSeparatedTimes_ParseAsUtc()
    {
        var rows = await TicketsAsync(Fixture("generic/tickets.csv"));

        var t2 = rows[1].Entity!;
        Assert.Equal(Utc(2026, 5, 6), t2.CreatedAt);
        Assert.Null(t2.ResolvedAt);
        Assert.Null(t2.Subject);
        Assert.Equal("Invoice shows the wrong VAT", t2.Description);
        Assert.False(t2.Escalated);
        Assert.Empty(t2.LinkedArticleIds);
        Assert.Null(t2.Csat);
        var t3 = rows[2].Entity!;
        Assert.Equal(Utc(2026, 5, 7, 8, 30, 15), t3.CreatedAt);
        Assert.Equal(Utc(2026, 5, 7, 9, 0), t3.ResolvedAt);
        Assert.True(t3.Escalated);
        Assert.Equal(0, t3.ReopenCount);
        Assert.Equal(ResolvedBy.Bot, t3.ResolvedBy);
        Assert.Empty(t3.Attributes);
    }

    [Fact]
    public async Task ReadTickets_TimeZoneOption_AppliesToTimestampsWithoutOffset()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kl-tz-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "id,created_at,customer_id,subject\n1,2026-01-15T10:00:00,c,s\n2,2026-01-15T10:00:00Z,c,s\n");
        try
        {
            var rows = new List<KnowledgeLoop.Infrastructure.Ingestion.ImportRow<Ticket>>();
            var options = new KnowledgeLoop.Infrastructure.Ingestion.ImportOptions { TimeZone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2") };
            await foreach (var row in KnowledgeLoop.Infrastructure.Ingestion.ExportReader.ReadTicketsAsync(path, options))
            {
                rows.Add(row);
            }

            Assert.Equal(Utc(2026, 1, 15, 8, 0), rows[0].Entity!.CreatedAt);
            Assert.Equal(Utc(2026, 1, 15, 10, 0), rows[1].Entity!.CreatedAt);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReadTickets_JsonArrayAndJsonLines_MapTheSameFields()
    {
        const string Array = """
            [
              {"id": "A-1", "created_at": "2026-05-04T09:12:00Z", "customer_id": "C-1", "subject": "Hi", "escalated": true, "reopen_count": 1, "linked_article_ids": ["a", "b"], "extra": {"tier": "gold"}},
              {"id": 2, "created_at": "2026-05-05", "customer_id": 7, "description": "Second", "escalated": "no"}
            ]
            """;
        const string Lines = "{\"id\": \"A-1\", \"created_at\": \"2026-05-04T09:12:00Z\", \"customer_id\": \"C-1\", \"subject\": \"Hi\", \"escalated\": true, \"reopen_count\": 1, \"linked_article_ids\": [\"a\", \"b\"], \"extra\": {\"tier\": \"gold\"}}\n"
            + "{\"id\": 2, \"created_at\": \"2026-05-05\", \"customer_id\": 7, \"description\": \"Second\", \"escalated\": \"no\"}\n";

        foreach (var (content, name, secondLine) in new[] { (Array, "t.json", 3L), (Lines, "t.jsonl", 2L) })
        {
            var rows = await TicketsAsync(content, name);

            Assert.Equal(2, rows.Count);
            var first = rows[0].Entity!;
            Assert.Equal("A-1", first.Id);
            Assert.True(first.Escalated);
            Assert.Equal(1, first.ReopenCount);
            Assert.Equal(["a", "b"], first.LinkedArticleIds);
            Assert.Equal("gold", first.Attributes["extra.tier"]);
            var second = rows[1].Entity!;
            Assert.Equal("2", second.Id);
            Assert.Equal("7", second.CustomerId);
            Assert.False(second.Escalated);
            Assert.Equal(secondLine, rows[1].Line);
        }
    }

    [Fact]
    public async Task ReadArticles_GenericCsv_DetectsMarkdownAndHtmlBodies()
    {
        var rows = await ArticlesAsync(Fixture("generic/articles.csv"));

        Assert.Equal(2, rows.Count);
        var markdown = rows[0].Entity!;
        Assert.Equal("reset-password", markdown.Id);
        Assert.Equal("Reset your password", markdown.Title);
        Assert.Equal(ArticleFormat.Markdown, markdown.Format);
        Assert.StartsWith("# Reset your password\n\n1. Open **Settings**.", markdown.Body, StringComparison.Ordinal);
        Assert.Equal("https://help.example.com/reset", markdown.Url);
        Assert.Equal(Utc(2026, 4, 1), markdown.UpdatedAt);
        Assert.Equal(["account", "security"], markdown.Tags);
        var html = rows[1].Entity!;
        Assert.Equal("VAT on invoices", html.Title);
        Assert.Equal(ArticleFormat.Html, html.Format);
        Assert.Equal("## VAT on invoices\n\nInvoices show VAT per line.", html.Body);
        Assert.Equal(["billing"], html.Tags);
    }

    [Fact]
    public async Task ReadSessions_JsonLines_MapsFieldsAndKeepsUnknownOnes()
    {
        var rows = await SessionsAsync(Fixture("generic/sessions.jsonl"));

        Assert.Equal(2, rows.Count);
        var s1 = rows[0].Entity!;
        Assert.Equal("S-1", s1.Id);
        Assert.Equal("C-1", s1.CustomerId);
        Assert.Equal(Utc(2026, 5, 3, 8, 0), s1.StartedAt);
        Assert.Equal("quickbooks sync", s1.Query);
        Assert.Equal(["reconnect-quickbooks", "sync-faq"], s1.ViewedArticleIds);
        Assert.Equal("help_center", s1.Channel);
        var s2 = rows[1].Entity!;
        Assert.Equal(["vat-invoices"], s2.ViewedArticleIds);
        Assert.Equal("mobile", s2.Attributes["device"]);
        Assert.Equal(2, rows[1].Line);
    }
}
