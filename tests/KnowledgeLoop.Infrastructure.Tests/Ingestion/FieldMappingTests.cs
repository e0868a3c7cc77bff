using KnowledgeLoop.Infrastructure.Ingestion;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

public sealed class FieldMappingTests
{
    [Fact]
    public void Parse_Yaml_ReadsSectionsFormatsAndNullValues()
    {
        var mapping = FieldMapping.Parse("""
            tickets:
              id: Case Number
              Created At: [Opened, Created]
            date_formats: ["dd/MM/yyyy HH:mm"]
            null_values: ["?", "N/A"]
            list_separator: "|"
            """, "m.yaml");

        Assert.Equal(["Case Number"], mapping.Tickets["id"]);
        Assert.Equal(["Opened", "Created"], mapping.Tickets["created_at"]);
        Assert.Equal(["dd/MM/yyyy HH:mm"], mapping.DateFormats);
        Assert.Equal(["?", "N/A"], mapping.NullValues);
        Assert.Equal('|', mapping.ListSeparator);
    }

    [Fact]
    public void Parse_Json_ReadsTheSameShape()
    {
        var mapping = FieldMapping.Parse("""{ "sessions": { "query": "search_term" }, "articles": { "body": ["content", "html"] } }""", "m.json");

        Assert.Equal(["search_term"], mapping.Sessions["query"]);
        Assert.Equal(["content", "html"], mapping.Articles["body"]);
        Assert.Empty(mapping.Tickets);
    }

    [Theory]
    [InlineData("tickets:\n  colour: Color\n", "'colour' is not a ticket field")]
    [InlineData("tikets:\n  id: x\n", "unknown section 'tikets'")]
    [InlineData("tickets:\n  id: [1, [2]]\n", "must be a column name or a list")]
    [InlineData("list_separator: ab\n", "one character")]
    [InlineData("tickets: [\n", "not valid YAML")]
    [InlineData("- a\n- b\n", "must be an object")]
    public void Parse_BadMapping_ThrowsImportExceptionNamingTheFile(string text, string expected)
    {
        var error = Assert.Throws<ImportException>(() => FieldMapping.Parse(text, "bad.yaml"));

        Assert.Equal("bad.yaml", error.File);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsLine()
    {
        var error = Assert.Throws<ImportException>(() => FieldMapping.Parse("{\n \"tickets\": {\n  \"id\": }\n}", "bad.json"));

        Assert.Contains("not valid JSON at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_OverridesPresetAndAddsDateFormatsAndNullValues()
    {
        var mapping = FieldMapping.Parse("""
            tickets:
              id: Case Number
              created_at: Opened
              customer_id: Account
              subject: Title
              escalated: Escalated?
            date_formats: ["dd/MM/yyyy HH:mm"]
            null_values: ["N/A"]
            """, "m.yaml");
        var path = Path.Combine(Path.GetTempPath(), $"kl-map-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "Case Number,Opened,Account,Title,Escalated?,Agent\nCS-9,31/12/2025 23:30,acme,Printer,N/A,N/A\n");
        try
        {
            var ticket = Assert.Single(await TicketsAsync(path, ImportFormat.Freshdesk, mapping)).Entity!;

            Assert.Equal("CS-9", ticket.Id);
            Assert.Equal(Utc(2025, 12, 31, 23, 30), ticket.CreatedAt);
            Assert.Equal("acme", ticket.CustomerId);
            Assert.Equal("Printer", ticket.Subject);
            Assert.False(ticket.Escalated);
            Assert.Null(ticket.Agent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsImportException()
    {
        var error = Assert.Throws<ImportException>(() => FieldMapping.Load(Fixture("no-such-mapping.yaml")));

        Assert.EndsWith("no-such-mapping.yaml", error.File, StringComparison.Ordinal);
    }
}
