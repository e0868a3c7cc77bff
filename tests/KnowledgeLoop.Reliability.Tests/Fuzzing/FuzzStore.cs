using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Reliability.Tests.Fuzzing;

/// <summary>A store in a temporary folder of its own, deleted on dispose.</summary>
internal sealed class FuzzStore : IDisposable
{
    public FuzzStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kl-reliability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Store = KnowledgeStore.Open(Path.Combine(Folder, "store.db"));
    }

    public string Folder { get; }

    public KnowledgeStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
