using System.Runtime.InteropServices;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// An <see cref="IEmbeddingCache"/> in the store's <c>embedding_cache</c> table (float32 little-endian blobs keyed by
/// model and SHA-256 of the text sent). Like the store, one instance is for one thread.
/// </summary>
public sealed class SqliteEmbeddingCache(KnowledgeStore store) : IEmbeddingCache
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, float[]> Lookup(string model, IReadOnlyCollection<string> textHashes)
    {
        ArgumentNullException.ThrowIfNull(textHashes);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT vector FROM embedding_cache WHERE model = $model AND text_hash = $hash";
        command.Parameters.AddWithValue("$model", model);
        var hashParameter = command.Parameters.Add("$hash", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var hash in textHashes)
        {
            hashParameter.Value = hash;
            if (command.ExecuteScalar() is byte[] bytes)
            {
                found[hash] = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
            }
        }

        return found;
    }

    /// <inheritdoc />
    public void Store(string model, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        using var transaction = store.Connection.BeginTransaction();
        using (var insert = new BulkStatement(store.Connection, "INSERT INTO embedding_cache (model, text_hash, dimensions, vector, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (model, text_hash) DO UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector, created_at = excluded.created_at"))
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var (hash, vector) in vectors)
            {
                insert.Bind(1, model);
                insert.Bind(2, hash);
                insert.Bind(3, vector.Length);
                insert.Bind(4, MemoryMarshal.AsBytes(vector.AsSpan()));
                insert.Bind(5, now);
                insert.Execute();
            }
        }

        transaction.Commit();
    }
}
