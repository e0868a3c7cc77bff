using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tests.Storage;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

public sealed class StoreImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<FileImportResult> ImportAsync(string content, string name, bool allowPartial = false)
    {
        var path = _folder.File(name);
        await File.WriteAllTextAsync(path, content);
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        return await new StoreImporter(store).ImportTicketsAsync(path, new ImportOptions(), allowPartial);
    }

    private List<string> StoredSubjects()
    {
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        return store.ReadTickets().OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => $"{t.Id}:{t.Subject}").ToList();
    }

    [Fact]
    public async Task Import_FileWithOneBadRow_LeavesTheStoreUnchanged()
    {
        await ImportAsync(Header + "T-1,2026-05-04,C-1,original,no\n", "first.csv");

        var result = await ImportAsync(Header + "T-1,2026-05-04,C-1,changed,no\nT-2,2026-05-04,C-2,new,no\nT-3,someday,C-3,bad,no\n", "second.csv");

        Assert.False(result.Committed);
        Assert.Equal(0, result.RowsImported);
        Assert.Equal(1, result.RowsRejected);
        Assert.Equal(4, Assert.Single(result.Problems).Line);
        Assert.Equal(["T-1:original"], StoredSubjects());
        Assert.False(File.Exists(_folder.File("second.rejects.csv")));
    }

    [Fact]
    public async Task Import_AllowPartial_WritesRejectsWithReasonAndCommitsGoodRows()
    {
        var result = await ImportAsync(Header + "T-1,2026-05-04,C-1,\"good, with comma\",no\nT-2,someday,C-2,\"bad \"\"quoted\"\"\",no\nT-1,2026-05-05,C-1,dup,no\n", "partial.csv", allowPartial: true);

        Assert.True(result.Committed);
        Assert.Equal(1, result.RowsImported);
        Assert.Equal(2, result.RowsRejected);
        Assert.Equal(_folder.File("partial.rejects.csv"), result.RejectsFile);
        Assert.Equal(["T-1:good, with comma"], StoredSubjects());
        var lines = await File.ReadAllLinesAsync(result.RejectsFile!);
        Assert.Equal("line,id,created_at,customer_id,subject,escalated,reason", lines[0]);
        Assert.StartsWith("3,T-2,someday,C-2,\"bad \"\"quoted\"\"\",no,created_at: not a date", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("(value 'someday')", lines[1], StringComparison.Ordinal);
        Assert.Equal("4,T-1,2026-05-05,C-1,dup,no,id: duplicate id: already on line 2 (value 'T-1')", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Import_AllowPartial_FileProblemStillRefusesTheFile()
    {
        var result = await ImportAsync("id,customer_id,subject\nT-1,C-1,s\n", "nocreated.csv", allowPartial: true);

        Assert.False(result.Committed);
        Assert.Empty(StoredSubjects());
    }

    [Fact]
    public async Task Import_SameIdsAgain_UpsertsInsteadOfDuplicating()
    {
        await ImportAsync(Header + "T-1,2026-05-04,C-1,first,no\nT-2,2026-05-04,C-2,second,no\n", "a.csv");

        var again = await ImportAsync(Header + "T-2,2026-05-04,C-2,second v2,yes\nT-3,2026-05-06,C-3,third,no\n", "b.csv");

        Assert.True(again.Committed);
        Assert.Equal(["T-1:first", "T-2:second v2", "T-3:third"], StoredSubjects());
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        Assert.True(store.FindTicket("T-2")!.Escalated);
        Assert.Equal(3, store.Count().Tickets);
    }

    [Fact]
    public async Task Import_ArticleFolder_StoresEveryArticle()
    {
        using (var store = KnowledgeStore.Open(_folder.File("k.db")))
        {
            var result = await new StoreImporter(store).ImportArticlesAsync(Fixture("articles-folder"), new ImportOptions());
            Assert.True(result.Committed, string.Join("; ", result.Problems));
            Assert.Equal(3, result.RowsImported);
        }

        using var reopened = KnowledgeStore.Open(_folder.File("k.db"));
        Assert.Equal(["invoices", "kb-vpn-001", "reset-password"], reopened.ReadArticles().Select(a => a.Id).Order(StringComparer.Ordinal));
    }
}
