using System.Threading.Channels;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// Imports one file into the store, atomically: every good row is upserted inside one transaction, which
/// commits only when no row is bad, unless partial import is allowed, in which case bad rows go to
/// <c>&lt;name&gt;.rejects.csv</c> and the good ones commit. A crash at any point leaves the store as it was.
/// </summary>
public sealed class StoreImporter(KnowledgeStore store)
{
    /// <summary>How many problems a result keeps in full; the rest are only counted.</summary>
    public const int MaximumProblemsKept = 1000;

    /// <summary>Reads and imports a tickets file.</summary>
    public Task<FileImportResult> ImportTicketsAsync(string path, ImportOptions options, bool allowPartial = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync("tickets", path, options, ExportReader.ReadTicketsAsync(path, options, cancellationToken), static (w, t) => w.Upsert(t), allowPartial, progress, cancellationToken);

    /// <summary>Reads and imports an articles file or folder.</summary>
    public Task<FileImportResult> ImportArticlesAsync(string path, ImportOptions options, bool allowPartial = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync("articles", path, options, ExportReader.ReadArticlesAsync(path, options, cancellationToken), static (w, a) => w.Upsert(a), allowPartial, progress, cancellationToken);

    /// <summary>Reads and imports a self-service sessions file.</summary>
    public Task<FileImportResult> ImportSessionsAsync(string path, ImportOptions options, bool allowPartial = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync("sessions", path, options, ExportReader.ReadSessionsAsync(path, options, cancellationToken), static (w, s) => w.Upsert(s), allowPartial, progress, cancellationToken);

    /// <summary>Imports already-read rows; the shared path of the three file kinds (and of uploads).</summary>
    public async Task<FileImportResult> ImportAsync<T>(
        string kind,
        string path,
        ImportOptions options,
        IAsyncEnumerable<ImportRow<T>> rows,
        Action<StoreWriter, T> upsert,
        bool allowPartial,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var problems = new List<ImportProblem>();
        long problemCount = 0, read = 0, rejected = 0, lastLine = 0;
        var refused = false;
        RejectsWriter? rejects = null;
        using var writer = store.BeginWrite(kind, path, options.Format.ToString().ToLowerInvariant());

        // Parsing and SQLite run on two threads: the reader fills batches while the writer inserts the last ones.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<List<ImportRow<T>>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadBatchesAsync(rows, batches.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var row in batch)
                {
                    if (row.Entity is not null || row.Raw is not null)
                    {
                        read++; // a problem with the file itself (no row behind it) is not a row
                    }

                    lastLine = Math.Max(lastLine, row.Line);

                    if (row.IsValid)
                    {
                        if (!refused)
                        {
                            upsert(writer, row.Entity!);
                        }
                    }
                    else
                    {
                        rejected++;
                        foreach (var problem in row.Problems)
                        {
                            problemCount++;
                            if (problems.Count < MaximumProblemsKept)
                            {
                                problems.Add(problem);
                            }
                        }

                        if (allowPartial && row.Raw is not null)
                        {
                            rejects ??= RejectsWriter.Create(path);
                            rejects.Write(row);
                        }
                        else
                        {
                            // Without partial import, or when the file itself is unreadable, the whole file is refused.
                            refused = true;
                        }
                    }

                    if ((read & 0x3FFF) == 0)
                    {
                        progress?.Report(new ImportProgress(read, lastLine));
                    }
                }
            }
        }
        finally
        {
            rejects?.Dispose();
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (OperationCanceledException)
            {
                // The reader stopped because the writer did (or the caller cancelled); the writer's outcome decides.
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(new ImportProgress(read, lastLine));
        if (refused)
        {
            writer.Rollback();
            return new FileImportResult(path, kind, read, 0, problemCount, problems, Committed: false, rejects?.Path) { RowsRejected = rejected };
        }

        writer.Commit(rejected);
        return new FileImportResult(path, kind, read, writer.Written, problemCount, problems, Committed: true, rejects?.Path) { RowsRejected = rejected };
    }

    private const int BatchSize = 512;

    private static async Task ReadBatchesAsync<T>(IAsyncEnumerable<ImportRow<T>> rows, ChannelWriter<List<ImportRow<T>>> output, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var batch = new List<ImportRow<T>>(BatchSize);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new List<ImportRow<T>>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await output.WriteAsync(batch, cancellationToken);
            }

            output.Complete();
        }
        catch (Exception exception)
        {
            output.Complete(exception);
            throw;
        }
    }
}
