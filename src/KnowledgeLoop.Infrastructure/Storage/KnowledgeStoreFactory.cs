using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// Opens one <see cref="KnowledgeStore"/> per unit of work on one file, for a long-lived host (the HTTP service).
/// The first open migrates the schema under a lock, so concurrent first requests don't race the migrations; a unit of
/// work that still meets SQLite's "busy"/"locked" after the busy timeout is retried with backoff instead of failing.
/// </summary>
public sealed class KnowledgeStoreFactory
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private readonly object _migrationLock = new();
    private volatile bool _migrated;

    /// <summary>Creates the factory for the store at <paramref name="path"/> (created on first open).</summary>
    public KnowledgeStoreFactory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>How many times a busy unit of work is tried in all. Defaults to 5.</summary>
    public int MaximumAttempts { get; init; } = 5;

    /// <summary>Opens the store; the caller disposes it.</summary>
    public KnowledgeStore Open()
    {
        if (_migrated)
        {
            return KnowledgeStore.Open(Path);
        }

        lock (_migrationLock)
        {
            var store = KnowledgeStore.Open(Path);
            _migrated = true;
            return store;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a freshly opened store, retrying when SQLite stays busy.</summary>
    public T Run<T>(Func<KnowledgeStore, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var store = Open();
                return work(store);
            }
            catch (SqliteException exception) when (IsBusy(exception) && attempt < MaximumAttempts)
            {
                Thread.Sleep(Backoff(attempt));
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on a freshly opened store.</summary>
    public void Run(Action<KnowledgeStore> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(store =>
        {
            work(store);
            return true;
        });
    }

    /// <summary>Runs asynchronous <paramref name="work"/> on a freshly opened store, retrying when SQLite stays busy.</summary>
    public async Task<T> RunAsync<T>(Func<KnowledgeStore, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var store = Open();
                return await work(store);
            }
            catch (SqliteException exception) when (IsBusy(exception) && attempt < MaximumAttempts)
            {
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>True for SQLite's "database is busy" and "database table is locked".</summary>
    public static bool IsBusy(SqliteException exception) =>
        exception is { SqliteErrorCode: SqliteBusy or SqliteLocked };

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(50 * (1 << Math.Min(attempt, 6)) + Random.Shared.Next(50));
}
