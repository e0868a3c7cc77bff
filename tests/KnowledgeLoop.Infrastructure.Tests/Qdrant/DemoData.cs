using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Infrastructure.Ingestion;

namespace KnowledgeLoop.Infrastructure.Tests.Qdrant;

/// <summary>The bundled demo data set (samples/demo, copied next to the tests), read once.</summary>
internal static class DemoData
{
    private static readonly Lazy<Task<AnalysisInput>> Input = new(LoadAsync);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "demo");

    public static Task<AnalysisInput> LoadInputAsync() => Input.Value;

    private static async Task<AnalysisInput> LoadAsync()
    {
        var options = new ImportOptions();
        var tickets = await ValidAsync(ExportReader.ReadTicketsAsync(Path.Combine(Folder, "tickets.csv"), options));
        var articles = await ValidAsync(ExportReader.ReadArticlesAsync(Path.Combine(Folder, "articles"), options));
        var sessions = await ValidAsync(ExportReader.ReadSessionsAsync(Path.Combine(Folder, "sessions.csv"), options));
        return new AnalysisInput(tickets, articles, sessions);
    }

    private static async Task<List<T>> ValidAsync<T>(IAsyncEnumerable<ImportRow<T>> rows)
        where T : class
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            Assert.True(row.IsValid, string.Join("; ", row.Problems));
            list.Add(row.Entity!);
        }

        return list;
    }
}
