using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Tests.Storage;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Ticket SampleTicket(string id = "T-1", string subject = "Sync fails") => new()
    {
        Id = id,
        CreatedAt = new DateTimeOffset(2026, 5, 4, 9, 12, 0, TimeSpan.Zero),
        ResolvedAt = new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero),
        CustomerId = "C-1",
        Subject = subject,
        Description = "QuickBooks sync stopped",
        Status = "solved",
        Channel = "email",
        Category = "integrations",
        Product = "sync",
        Priority = "high",
        Group = "tier1",
        Agent = "Ana",
        Resolution = "Reconnected",
        ReopenCount = 2,
        Escalated = true,
        EscalationLevel = 1,
        GroupTransfers = 3,
        Replies = 4,
        LinkedArticleIds = ["reconnect-quickbooks", "sync-faq"],
        Csat = 4.5,
        ResolvedBy = ResolvedBy.Bot,
        Messages = [new TicketMessage { CreatedAt = new DateTimeOffset(2026, 5, 6, 8, 0, 0, TimeSpan.Zero), Body = "Broken again", Author = "customer" }],
        Attributes = new Dictionary<string, string> { ["region"] = "EU", ["account_tier"] = "gold" },
    };

    [Fact]
    public void Open_NewFile_AppliesAllMigrationsInWalMode()
    {
        using var store = KnowledgeStore.Open(_folder.File("k.db"));

        Assert.True(store.SchemaVersion >= 1);
        using var connection = new SqliteConnection($"Data Source={store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    [Fact]
    public void Upsert_Ticket_RoundTripsEveryField()
    {
        var ticket = SampleTicket();
        using (var store = KnowledgeStore.Open(_folder.File("k.db")))
        using (var writer = store.BeginWrite("tickets", "t.csv", "generic"))
        {
            writer.Upsert(ticket);
            writer.Commit();
        }

        using var reopened = KnowledgeStore.Open(_folder.File("k.db"));
        var read = reopened.FindTicket("T-1");

        Assert.NotNull(read);
        Assert.Equal(ticket.CreatedAt, read.CreatedAt);
        Assert.Equal(ticket.ResolvedAt, read.ResolvedAt);
        Assert.Equal(ticket.LinkedArticleIds, read.LinkedArticleIds);
        Assert.Equal("EU", read.Attributes["region"]);
        Assert.Equal("gold", read.Attributes["ACCOUNT_TIER"]);
        Assert.Equal("Broken again", Assert.Single(read.Messages).Body);
        Assert.Equal(ticket with { LinkedArticleIds = read.LinkedArticleIds, Messages = read.Messages, Attributes = read.Attributes }, read);
    }

    [Fact]
    public void Upsert_SameIdTwice_UpdatesInsteadOfDuplicating()
    {
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        using (var writer = store.BeginWrite("tickets", "a.csv", "generic"))
        {
            writer.Upsert(SampleTicket(subject: "first"));
            writer.Commit();
        }

        using (var writer = store.BeginWrite("tickets", "b.csv", "generic"))
        {
            writer.Upsert(SampleTicket(subject: "second"));
            writer.Upsert(SampleTicket(id: "T-2"));
            writer.Commit();
        }

        Assert.Equal(new StoreCounts(2, 0, 0, 2), store.Count());
        Assert.Equal("second", store.FindTicket("T-1")!.Subject);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesNothingBehind()
    {
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        using (var writer = store.BeginWrite("tickets", "a.csv", "generic"))
        {
            writer.Upsert(SampleTicket());
            writer.Upsert(SampleTicket(id: "T-2"));
        }

        Assert.Equal(new StoreCounts(0, 0, 0, 0), store.Count());
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void Upsert_ArticlesAndSessions_RoundTrip()
    {
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        using (var writer = store.BeginWrite("articles", "kb", "generic"))
        {
            writer.Upsert(new Article
            {
                Id = "reconnect-quickbooks",
                Title = "How to reconnect QuickBooks",
                Body = "# Steps\n1. Open settings",
                Format = ArticleFormat.Markdown,
                UpdatedAt = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
                Tags = ["integrations"],
            });
            writer.Upsert(new SelfServiceSession
            {
                Id = "S-1",
                CustomerId = "C-1",
                StartedAt = new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero),
                Query = "quickbooks",
                ViewedArticleIds = ["reconnect-quickbooks"],
            });
            writer.Commit();
        }

        var article = Assert.Single(store.ReadArticles());
        var session = Assert.Single(store.ReadSessions());
        Assert.Equal(ArticleFormat.Markdown, article.Format);
        Assert.Equal(["integrations"], article.Tags);
        Assert.Null(article.CreatedAt);
        Assert.Equal(["reconnect-quickbooks"], session.ViewedArticleIds);
    }

    [Fact]
    public void Open_NewerSchema_FailsWithAClearMessage()
    {
        var path = _folder.File("k.db");
        KnowledgeStore.Open(path).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (999, 0)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreException>(() => KnowledgeStore.Open(path));
        Assert.Contains("newer KnowledgeLoop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_FailsWithAClearMessage()
    {
        var path = _folder.File("notes.db");
        File.WriteAllText(path, "these are not the pages you are looking for, not at all, no SQLite header here");

        var error = Assert.Throws<StoreException>(() => KnowledgeStore.Open(path));
        Assert.Contains("not a KnowledgeLoop store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTickets_ReturnsOldestFirst()
    {
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        using (var writer = store.BeginWrite("tickets", "a.csv", "generic"))
        {
            writer.Upsert(SampleTicket("T-late") with { CreatedAt = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero) });
            writer.Upsert(SampleTicket("T-early") with { CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });
            writer.Commit();
        }

        Assert.Equal(["T-early", "T-late"], store.ReadTickets().Select(t => t.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BulkWrite_DefersIndexes_AndRestoresThemOnCommitOrRollback(bool commit)
    {
        var path = _folder.File("k.db");
        var rows = StoreWriter.BulkThreshold + 500;
        using (var store = KnowledgeStore.Open(path))
        {
            using var writer = store.BeginWrite("tickets", "bulk.csv", "generic");
            for (var i = 0; i < rows; i++)
            {
                writer.Upsert(SampleTicket(id: "T-" + i) with { CustomerId = "C-" + (i % 97) });
            }

            // Past the threshold the secondary indexes are dropped inside the open transaction ...
            Assert.Equal(["ix_tickets_created", "ix_tickets_customer"], writer.DeferredIndexes.Order());
            if (commit)
            {
                writer.Commit();
            }
        }

        // ... and whether the write commits or rolls back, they are there again afterwards.
        using var reopened = KnowledgeStore.Open(path);
        Assert.Equal(commit ? rows : 0, reopened.Count().Tickets);
        Assert.Contains("ix_tickets_customer", IndexNames(reopened));
        Assert.Contains("ix_tickets_created", IndexNames(reopened));
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tickets INDEXED BY ix_tickets_customer WHERE customer_id = 'C-5'";
        Assert.Equal(commit ? (long)Enumerable.Range(0, rows).Count(i => i % 97 == 5) : 0L, (long)command.ExecuteScalar()!);
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string)command.ExecuteScalar()!);
    }

    private static List<string> IndexNames(KnowledgeStore store)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL ORDER BY name";
        command.Parameters.AddWithValue("$table", "tickets");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
