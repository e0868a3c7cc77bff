using System.Text;
using KnowledgeLoop.Infrastructure.Ingestion;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

public sealed class JsonStreamingTests
{
    private static string Ticket(int i) =>
        $"{{\"id\": \"T-{i}\", \"created_at\": \"2026-05-04T09:12:00Z\", \"customer_id\": \"C-{i % 7}\", \"subject\": \"Subject {i} {new string('x', i % 300)}\"}}";

    [Fact]
    public async Task Envelope_ManyRecordsAcrossBufferRefills_KeepsOrderAndLines()
    {
        var json = new StringBuilder("{\n  \"count\": 3000,\n  \"meta\": {\"has_more\": false},\n  \"tickets\": [\n");
        for (var i = 0; i < 3000; i++)
        {
            json.Append("    ").Append(Ticket(i)).Append(i < 2999 ? ",\n" : "\n");
        }

        json.Append("  ],\n  \"next_page\": null\n}\n");

        var rows = await TicketsAsync(json.ToString(), "big.json");

        Assert.Equal(3000, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid));
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"T-{i}"), rows.Select(r => r.Entity!.Id));
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => 5L + i), rows.Select(r => r.Line));
    }

    [Fact]
    public async Task JsonLines_WithBomAndBlankLines_ReadsEveryObject()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            text.Append(Ticket(i)).Append(i % 500 == 0 ? "\n\n" : "\n");
        }

        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();

        var rows = await TicketsAsync(bytes, "t.jsonl");

        Assert.Equal(2000, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid));
        Assert.Equal(1, rows[0].Line);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public async Task StreamWithoutExtension_SniffsJsonByFirstCharacter()
    {
        var rows = await TicketsAsync(Encoding.UTF8.GetBytes("  [" + Ticket(1) + "]"), "upload");

        Assert.Equal("T-1", Assert.Single(rows).Entity!.Id);
    }

    [Fact]
    public async Task ArrayItemThatIsNotAnObject_RejectsThatItemOnly()
    {
        var rows = await TicketsAsync("[\n" + Ticket(1) + ",\n42,\n" + Ticket(2) + "\n]", "t.json");

        Assert.Equal(3, rows.Count);
        Assert.True(rows[0].IsValid);
        Assert.Equal(3, Assert.Single(rows[1].Problems).Line);
        Assert.True(rows[2].IsValid);
    }

    [Fact]
    public async Task InvalidUtf8InJsonString_RejectsTheRecordWithItsLine()
    {
        var bytes = Encoding.UTF8.GetBytes("[\n" + Ticket(1) + ",\n{\"id\": \"T-2\", \"created_at\": \"2026-05-04\", \"customer_id\": \"C\", \"subject\": \"caf")
            .Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes("\"}\n]"))
            .ToArray();

        var rows = await TicketsAsync(bytes, "t.json");

        var bad = rows.Single(r => !r.IsValid);
        var problem = Assert.Single(bad.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("invalid UTF-8 in a string; save the file as UTF-8", problem.Reason);
        Assert.NotNull(bad.Raw);
        Assert.True(rows[0].IsValid);
    }
}
