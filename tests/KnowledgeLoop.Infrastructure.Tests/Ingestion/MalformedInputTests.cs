using System.Text;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Infrastructure.Ingestion;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

public sealed class MalformedInputTests
{
    private static ImportProblem OnlyProblem(ImportRow<Ticket> row)
    {
        Assert.Null(row.Entity);
        return Assert.Single(row.Problems);
    }

    [Fact]
    public async Task BadDate_RejectsRowWithLineColumnAndValue()
    {
        var rows = await TicketsAsync(Header + "T-1,2026-05-04,C-1,ok,no\nT-2,04/05/2026,C-2,bad,no\n", "t.csv");

        Assert.True(rows[0].IsValid);
        var problem = OnlyProblem(rows[1]);
        Assert.Equal("t.csv", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Equal("created_at", problem.Column);
        Assert.Equal("04/05/2026", problem.Value);
        Assert.StartsWith("not a date", problem.Reason, StringComparison.Ordinal);
        Assert.Equal("T-2", rows[1].Raw!.Single(p => p.Key == "id").Value);
    }

    [Fact]
    public async Task ImpossibleCalendarDate_IsABadDate()
    {
        var rows = await TicketsAsync(Header + "T-1,2026-02-30,C-1,s,no\n", "t.csv");

        Assert.Equal("2026-02-30", OnlyProblem(rows[0]).Value);
    }

    [Fact]
    public async Task MissingId_RejectsRow()
    {
        var rows = await TicketsAsync(Header + " ,2026-05-04,C-1,s,no\n", "t.csv");

        var problem = OnlyProblem(rows[0]);
        Assert.Equal(2, problem.Line);
        Assert.Equal("id", problem.Column);
        Assert.Equal("missing id", problem.Reason);
    }

    [Fact]
    public async Task MissingSubjectAndDescription_RejectsRow()
    {
        var rows = await TicketsAsync("id,created_at,customer_id,subject,description\nT-1,2026-05-04,C-1,,\n", "t.csv");

        Assert.Contains("missing subject and description", OnlyProblem(rows[0]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredColumn_IsAFileProblemOnLineOne()
    {
        var rows = await TicketsAsync("id,customer_id,subject\nT-1,C-1,s\n", "t.csv");

        var row = Assert.Single(rows);
        Assert.Null(row.Raw);
        var problem = OnlyProblem(row);
        Assert.Equal(1, problem.Line);
        Assert.Equal("created_at", problem.Column);
        Assert.StartsWith("missing required column 'created_at'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownBoolean_RejectsRow()
    {
        var rows = await TicketsAsync(Header + "T-1,2026-05-04,C-1,s,maybe\n", "t.csv");

        var problem = OnlyProblem(rows[0]);
        Assert.Equal("escalated", problem.Column);
        Assert.Equal("maybe", problem.Value);
        Assert.Contains("not a boolean", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateId_RejectsTheSecondOccurrence()
    {
        var rows = await TicketsAsync(Header + "T-1,2026-05-04,C-1,a,no\nT-2,2026-05-04,C-1,b,no\nT-1,2026-05-05,C-1,c,no\n", "t.csv");

        Assert.True(rows[0].IsValid);
        Assert.True(rows[1].IsValid);
        var problem = OnlyProblem(rows[2]);
        Assert.Equal(4, problem.Line);
        Assert.Equal("T-1", problem.Value);
        Assert.Equal("duplicate id: already on line 2", problem.Reason);
    }

    [Fact]
    public async Task UnterminatedQuote_IsAFileProblemAtTheRecordStart()
    {
        var rows = await TicketsAsync(Header + "T-1,2026-05-04,C-1,ok,no\nT-2,2026-05-04,C-2,\"never closed,no\nT-3,2026-05-04,C-3,x,no\n", "t.csv");

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsValid);
        Assert.Null(rows[1].Raw);
        var problem = OnlyProblem(rows[1]);
        Assert.Equal(3, problem.Line);
        Assert.Equal("subject", problem.Column);
        Assert.Contains("unterminated quoted field starting on line 3", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextAfterClosingQuote_RejectsRow()
    {
        var rows = await TicketsAsync(Header + "T-1,2026-05-04,C-1,\"quoted\"tail,no\n", "t.csv");

        var problem = OnlyProblem(rows[0]);
        Assert.Equal("subject", problem.Column);
        Assert.Contains("after a closing quote", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongFieldCount_RejectsRow()
    {
        var rows = await TicketsAsync(Header + "T-1,2026-05-04,C-1,s,no,extra\n", "t.csv");

        Assert.Equal("the row has 6 fields but the header has 5", OnlyProblem(rows[0]).Reason);
    }

    [Fact]
    public async Task InvalidUtf8_ReportsLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "T-1,2026-05-04,C-1,ok,no\nT-2,2026-05-04,C-2,\"caf")
            .Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes("\nline two\",no\nT-3,2026-05-04,C-3,fine,no\n"))
            .ToArray();

        var rows = await TicketsAsync(bytes, "latin1.csv");

        Assert.Equal(3, rows.Count);
        var problem = OnlyProblem(rows[1]);
        Assert.Equal(3, problem.Line);
        Assert.Equal("subject", problem.Column);
        Assert.Contains("invalid UTF-8", problem.Reason, StringComparison.Ordinal);
        Assert.True(rows[2].IsValid);
        Assert.Equal(5, rows[2].Line);
    }

    [Fact]
    public async Task EmptyFile_IsAFileProblem()
    {
        foreach (var name in new[] { "empty.csv", "empty.json" })
        {
            var row = Assert.Single(await TicketsAsync([], name));

            Assert.Null(row.Raw);
            var problem = OnlyProblem(row);
            Assert.Equal(0, problem.Line);
            Assert.Equal("the file is empty", problem.Reason);
        }
    }

    [Fact]
    public async Task HeaderOnlyFile_IsAnEmptyImportWithoutProblems()
    {
        Assert.Empty(await TicketsAsync(Header, "t.csv"));
        Assert.Empty(await TicketsAsync("[]", "t.json"));
    }

    [Fact]
    public async Task MalformedJsonArray_IsAFileProblemWithLineAndPosition()
    {
        const string Json = "[\n  {\"id\": \"T-1\", \"created_at\": \"2026-05-04\", \"customer_id\": \"C\", \"subject\": \"s\"},\n  {\"id\": \"T-2\", \"created_at\": 2026-05-04}\n]\n";

        var rows = await TicketsAsync(Json, "t.json");

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsValid);
        Assert.Null(rows[1].Raw);
        var problem = OnlyProblem(rows[1]);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("malformed JSON at line 3, byte ", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedJson_IsAFileProblem()
    {
        var rows = await TicketsAsync("[{\"id\": \"T-1\", \"created_at\": \"2026-05-04\", \"customer_id\": \"C\", \"subject\": \"s\"},", "t.json");

        Assert.Contains(rows, r => r.Raw is null && r.Problems.Any(p => p.Reason.StartsWith("malformed JSON", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ProblemsInOneRow_AreAllReported()
    {
        var rows = await TicketsAsync(Header + ",yesterday,,s,perhaps\n", "t.csv");

        var columns = rows[0].Problems.Select(p => p.Column).ToList();
        Assert.Equal(["id", "created_at", "customer_id", "escalated"], columns);
    }

    [Fact]
    public async Task LongFile_QuotedNewlinesAcrossBufferRefills_KeepLineNumbers()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 5000; i++)
        {
            text.Append($"T-{i},2026-05-04,C-{i},\"line one {i}\r\nline two with \"\"quotes\"\" and, commas\",no\r\n");
        }

        text.Append("T-bad,not-a-date,C,s,no\n");

        var rows = await TicketsAsync(text.ToString(), "long.csv");

        Assert.Equal(5001, rows.Count);
        Assert.All(rows.Take(5000), r => Assert.True(r.IsValid));
        Assert.Equal(2 + (2 * 4999), rows[4999].Line);
        Assert.Equal("line one 4999\r\nline two with \"quotes\" and, commas", rows[4999].Entity!.Subject);
        Assert.Equal(2 + (2 * 5000), OnlyProblem(rows[5000]).Line);
    }
}
