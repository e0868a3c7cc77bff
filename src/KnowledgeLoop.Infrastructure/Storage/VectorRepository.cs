using System.Runtime.InteropServices;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// Fitted models and vectors in the store: models as opaque blobs by name, vectors as float32 little-endian blobs
/// grouped in named spaces ("tickets", "chunks"), each with the payload the index filters on. A space is replaced
/// as a whole in one transaction, so readers see the old vectors or the new ones, never a mix.
/// </summary>
public sealed class VectorRepository(KnowledgeStore store)
{
    /// <summary>Saves (or replaces) a model.</summary>
    public void SaveModel(string name, string kind, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var transaction = store.Connection.BeginTransaction();
        using (var statement = new BulkStatement(store.Connection, "INSERT INTO models (name, kind, created_at, data) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, created_at = excluded.created_at, data = excluded.data"))
        {
            statement.Bind(1, name);
            statement.Bind(2, kind);
            statement.Bind(3, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            statement.Bind(4, data);
            statement.Execute();
        }

        transaction.Commit();
    }

    /// <summary>A model's kind (what it was saved as), or null when the store has none by that name.</summary>
    public string? ModelKind(string name)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT kind FROM models WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() as string;
    }

    /// <summary>A model's bytes, or null when the store has none by that name.</summary>
    public byte[]? LoadModel(string name)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT data FROM models WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Replaces every vector of <paramref name="space"/> with <paramref name="items"/>, atomically.</summary>
    public void ReplaceSpace(string space, IEnumerable<VectorItem> items)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(space);
        ArgumentNullException.ThrowIfNull(items);
        using var transaction = store.Connection.BeginTransaction();
        using (var delete = store.Connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM vectors WHERE space = $space";
            delete.Parameters.AddWithValue("$space", space);
            delete.ExecuteNonQuery();
        }

        using (var insert = new BulkStatement(store.Connection, "INSERT INTO vectors (space, id, vector, category, created_at, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (space, id) DO UPDATE SET vector = excluded.vector, category = excluded.category, created_at = excluded.created_at, outcome = excluded.outcome"))
        {
            foreach (var item in items)
            {
                insert.Bind(1, space);
                insert.Bind(2, item.Id);
                insert.Bind(3, MemoryMarshal.AsBytes(item.Vector.Span));
                insert.Bind(4, item.Payload.Category);
                insert.Bind(5, item.Payload.CreatedAt?.ToUnixTimeMilliseconds());
                insert.Bind(6, item.Payload.Outcome);
                insert.Execute();
            }
        }

        transaction.Commit();
    }

    /// <summary>Every item of a space, by id, streamed (for loading into any <see cref="IVectorIndex"/>).</summary>
    public IEnumerable<VectorItem> ReadSpace(string space)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT id, vector, category, created_at, outcome FROM vectors WHERE space = $space ORDER BY id";
        command.Parameters.AddWithValue("$space", space);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new VectorItem(
                reader.GetString(0),
                MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(1)).ToArray(),
                new VectorPayload(
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
    }

    /// <summary>Loads a space into an exact in-memory index, or null when the space is empty.</summary>
    public ExactVectorIndex? LoadIndex(string space)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT id, vector, category, created_at, outcome FROM vectors WHERE space = $space ORDER BY id";
        command.Parameters.AddWithValue("$space", space);
        using var reader = command.ExecuteReader();
        ExactVectorIndex? index = null;
        var batch = new List<VectorItem>(4096);
        while (reader.Read())
        {
            var bytes = (byte[])reader.GetValue(1);
            var vector = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
            index ??= new ExactVectorIndex(vector.Length);
            batch.Add(new VectorItem(
                reader.GetString(0),
                vector,
                new VectorPayload(
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4))));
            if (batch.Count == batch.Capacity)
            {
                index.Upsert(batch);
                batch.Clear();
            }
        }

        index?.Upsert(batch);
        return index;
    }
}
