using System.Text;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Infrastructure.Ingestion;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

/// <summary>Fixture paths and helpers that read a whole (small) file into a list.</summary>
internal static class Ingest
{
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingestion", relative);

    public static async Task<List<ImportRow<Ticket>>> TicketsAsync(string path, ImportFormat format = ImportFormat.Generic, FieldMapping? mapping = null, string? metrics = null)
    {
        var rows = new List<ImportRow<Ticket>>();
        await foreach (var row in ExportReader.ReadTicketsAsync(path, new ImportOptions { Format = format, Mapping = mapping, TicketMetricsPath = metrics }))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<List<ImportRow<Ticket>>> TicketsAsync(byte[] content, string fileName, ImportFormat format = ImportFormat.Generic)
    {
        var rows = new List<ImportRow<Ticket>>();
        using var stream = new MemoryStream(content);
        await foreach (var row in ExportReader.ReadTicketsAsync(stream, fileName, new ImportOptions { Format = format }))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static Task<List<ImportRow<Ticket>>> TicketsAsync(string content, string fileName) => TicketsAsync(Encoding.UTF8.GetBytes(content), fileName);

    public static async Task<List<ImportRow<Article>>> ArticlesAsync(string path, ImportFormat format = ImportFormat.Generic)
    {
        var rows = new List<ImportRow<Article>>();
        await foreach (var row in ExportReader.ReadArticlesAsync(path, new ImportOptions { Format = format }))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<List<ImportRow<SelfServiceSession>>> SessionsAsync(string path)
    {
        var rows = new List<ImportRow<SelfServiceSession>>();
        await foreach (var row in ExportReader.ReadSessionsAsync(path, new ImportOptions()))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public const string Header = "id,created_at,customer_id,subject,escalated\n";
}
