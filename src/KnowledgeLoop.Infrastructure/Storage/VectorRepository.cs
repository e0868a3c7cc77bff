using System.Buffers.Binary;
using System.Runtime.InteropServices;
using KnowledgeLoop.Core.Vectors;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// Fitted models and embedded vectors in the store. Vectors live in named spaces (one per model and corpus,
/// such as "tickets:lsa-256") as float32 little-endian blobs with the payload columns the filters use, and load
/// back into an <see cref="ExactVectorIndex"/>. Writes are one transaction each. All SQL is parameterized.
/// </summary>
public sealed class VectorRepository
{
    private readonly KnowledgeStore _store;
    private readonly TimeProvider _time;

    /// <summary>A repository over <paramref name="store"/>; <paramref name="time"/> stamps saved models (defaults to the system clock).</summary>
    public VectorRepository(KnowledgeStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Saves (or replaces) a model's bytes under <paramref name="name"/>.</summary>
    public void SaveModel(string name, string kind, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        using var command = _store.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO models (name, kind, created_at, data) VALUES ($name, $kind, $created, $data)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, created_at = excluded.created_at, data = excluded.data
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$created", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.Add("$data", SqliteType.Blob).Value = data.ToArray();
        command.ExecuteNonQuery();
    }

    /// <summary>Saves (or replaces) a model from a stream (read to its end).</summary>
    public void SaveModel(string name, string kind, Stream data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var buffer = new MemoryStream();
        data.CopyTo(buffer);
        SaveModel(name, kind, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The model saved under <paramref name="name"/>, or null.</summary>
    public StoredModel? LoadModel(string name)
    {
        using var command = _store.Connection.CreateCommand();
        command.CommandText = "SELECT name, kind, created_at, data FROM models WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredModel(reader.GetString(0), reader.GetString(1), KnowledgeStore.Time(reader.GetInt64(2)), (byte[])reader.GetValue(3));
    }

    /// <summary>Adds or replaces points in <paramref name="space"/>, all in one transaction; returns how many were written.</summary>
    public int UpsertVectors(string space, IEnumerable<VectorPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(space);
        ArgumentNullException.ThrowIfNull(points);
        var connection = _store.Connection;
        using var transaction = connection.BeginTransaction();
        var written = 0;
        using (var statement = new BulkStatement(
            connection,
            "INSERT OR REPLACE INTO vectors (space, id, vector, category, created_at, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            byte[] bytes = [];
            foreach (var point in points)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = point.Vector.Length * sizeof(float);
                if (bytes.Length < length)
                {
                    bytes = new byte[length];
                }

                WriteLittleEndian(point.Vector.Span, bytes);
                statement.Bind(1, space);
                statement.Bind(2, point.Id);
                statement.Bind(3, bytes.AsSpan(0, length));
                statement.Bind(4, point.Payload.Category);
                statement.Bind(5, point.Payload.CreatedAt?.ToUnixTimeMilliseconds());
                statement.Bind(6, point.Payload.Outcome);
                statement.Execute();
                written++;
            }
        }

        transaction.Commit();
        return written;
    }

    /// <summary>
    /// Every vector of <paramref name="space"/> in an exact index (by id order), or null when the space is empty.
    /// </summary>
    /// <exception cref="StoreException">The space holds vectors of different lengths.</exception>
    public ExactVectorIndex? LoadIndex(string space, CancellationToken cancellationToken = default)
    {
        using var command = _store.Connection.CreateCommand();
        command.CommandText = "SELECT id, vector, category, created_at, outcome FROM vectors WHERE space = $space ORDER BY id";
        command.Parameters.AddWithValue("$space", space);
        using var reader = command.ExecuteReader();
        ExactVectorIndex? index = null;
        var batch = new List<VectorPoint>(1024);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = (byte[])reader.GetValue(1);
            var vector = ReadLittleEndian(bytes);
            index ??= new ExactVectorIndex(vector.Length);
            if (vector.Length != index.Dimensions)
            {
                throw new StoreException($"Vector space {space} mixes {index.Dimensions}- and {vector.Length}-dimensional vectors (id {reader.GetString(0)}).");
            }

            batch.Add(new VectorPoint(reader.GetString(0), vector, new VectorPayload
            {
                Category = reader.IsDBNull(2) ? null : reader.GetString(2),
                CreatedAt = reader.IsDBNull(3) ? null : KnowledgeStore.Time(reader.GetInt64(3)),
                Outcome = reader.IsDBNull(4) ? null : reader.GetString(4),
            }));
            if (batch.Count == batch.Capacity)
            {
                index.Upsert(batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            index!.Upsert(batch);
        }

        return index;
    }

    /// <summary>Removes every vector of <paramref name="space"/>; returns how many there were.</summary>
    public int DeleteSpace(string space)
    {
        using var command = _store.Connection.CreateCommand();
        command.CommandText = "DELETE FROM vectors WHERE space = $space";
        command.Parameters.AddWithValue("$space", space);
        return command.ExecuteNonQuery();
    }

    private static void WriteLittleEndian(ReadOnlySpan<float> vector, Span<byte> bytes)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector).CopyTo(bytes);
            return;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes[(i * 4)..], vector[i]);
        }
    }

    private static float[] ReadLittleEndian(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new StoreException($"A stored vector has {bytes.Length} bytes, not a whole number of float32 values.");
        }

        var vector = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(vector.AsSpan()));
        }
        else
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
            }
        }

        return vector;
    }
}
