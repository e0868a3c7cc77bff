// TEMPORARY: placeholders until the ingestion branch merges. Deleted at merge.
#pragma warning disable
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
namespace KnowledgeLoop.Infrastructure.Ingestion;
public sealed class ImportOptions { public ImportFormat Format { get; init; } public FieldMapping? Mapping { get; init; } }
public sealed class FieldMapping { public static FieldMapping Load(string path) => new(); }
public static class ExportReader
{
    public static IAsyncEnumerable<ImportRow<Ticket>> ReadTicketsAsync(string path, ImportOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public static IAsyncEnumerable<ImportRow<Article>> ReadArticlesAsync(string path, ImportOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public static IAsyncEnumerable<ImportRow<SelfServiceSession>> ReadSessionsAsync(string path, ImportOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
public sealed class RejectsWriter : IDisposable { public string Path => ""; public static RejectsWriter Create(string p) => new(); public void Write<T>(ImportRow<T> r) where T : class { } public void Dispose() { } }
