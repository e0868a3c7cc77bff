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
    public async Task Import_AllowPartial_RejectsCellsThatWouldRunAsFormulasGetAQuote()
    {
        var result = await ImportAsync(Header + "T-1,2026-05-04,C-1,ok,no\n=cmd|' /C calc'!A0,never,@SUM(A1),\"=HYPERLINK(\"\"http://x\"\")\",no\n", "formula.csv", allowPartial: true);

        Assert.Equal(1, result.RowsRejected);
        var lines = await File.ReadAllLinesAsync(result.RejectsFile!);
        Assert.StartsWith("3,'=cmd|' /C calc'!A0,never,'@SUM(A1),\"'=HYPERLINK(\"\"http://x\"\")\",no,", lines[1], StringComparison.Ordinal);
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

    public static TheoryData<string, string, byte[], long, string> MalformedFiles()
    {
        static byte[] Text(string value) => System.Text.Encoding.UTF8.GetBytes(value);
        var good = "T-1,2026-05-04,C-1,changed,no\nT-2,2026-05-04,C-2,new,no\n";
        return new()
        {
            { "bad date", "t.csv", Text(Header + good + "T-3,2026-13-45,C-3,x,no\n"), 4, "column 'created_at' value '2026-13-45': not a date" },
            { "unterminated quote", "t.csv", Text(Header + good + "T-3,2026-05-04,C-3,\"never closed,no\n"), 4, "unterminated quoted field" },
            { "missing required column", "t.csv", Text("id,created_at,subject\nT-1,2026-05-04,changed\n"), 1, "customer_id" },
            { "duplicate id", "t.csv", Text(Header + good + "T-2,2026-05-05,C-2,again,no\n"), 4, "duplicate id: already on line 3" },
            { "invalid UTF-8", "t.csv", [.. Text(Header + good + "T-3,2026-05-04,C-3,caf"), 0xE9, .. Text(",no\n")], 4, "invalid UTF-8" },
            { "unknown boolean", "t.csv", Text(Header + good + "T-3,2026-05-04,C-3,x,maybe\n"), 4, "escalated" },
            { "empty file", "t.csv", [], 0, "the file is empty" },
            { "malformed JSON", "t.json", Text("[{\"id\":\"T-1\",\"created_at\":\"2026-05-04\",\"customer_id\":\"C-1\",\"subject\":\"changed\"},\n{\"id\": }]"), 2, "JSON" },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task Import_MalformedFile_ReportsWhereAndWhy_AndLeavesTheStoreUnchanged(string what, string name, byte[] content, long line, string reason)
    {
        await ImportAsync(Header + "T-1,2026-05-04,C-1,original,no\n", "first.csv");
        var path = _folder.File(name);
        await File.WriteAllBytesAsync(path, content);

        FileImportResult result;
        using (var store = KnowledgeStore.Open(_folder.File("k.db")))
        {
            result = await new StoreImporter(store).ImportTicketsAsync(path, new ImportOptions());
        }

        Assert.False(result.Committed, what);
        Assert.Equal(0, result.RowsImported);
        var problem = result.Problems[0];
        Assert.Equal(name, Path.GetFileName(problem.File));
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(["T-1:original"], StoredSubjects());
    }

    [Fact]
    public async Task Import_HeaderOnlyFile_CommitsNothingAndKeepsTheStore()
    {
        await ImportAsync(Header + "T-1,2026-05-04,C-1,original,no\n", "first.csv");

        var result = await ImportAsync(Header, "header-only.csv");

        Assert.True(result.Committed);
        Assert.Equal(0, result.RowsImported);
        Assert.Equal(0, result.ProblemCount);
        Assert.Equal(["T-1:original"], StoredSubjects());
    }
}
