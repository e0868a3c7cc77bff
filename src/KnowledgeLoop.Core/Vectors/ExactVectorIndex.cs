using System.Numerics.Tensors;

namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// The embedded index: every vector in one contiguous float array, searched exhaustively with SIMD dot products
/// and a bounded heap for the top k. Exact, so it is also the reference an approximate index is measured
/// against. Searches run concurrently; writes take an exclusive lock. Deleting moves the last point into the gap.
/// </summary>
public sealed class ExactVectorIndex : IVectorIndex, IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private float[] _vectors;
    private string[] _ids;
    private VectorPayload[] _payloads;
    private int _count;

    /// <summary>An empty index of vectors of <paramref name="dimensions"/> floats.</summary>
    public ExactVectorIndex(int dimensions, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Dimensions = dimensions;
        capacity = Math.Max(capacity, 16);
        _vectors = new float[(long)capacity * dimensions];
        _ids = new string[capacity];
        _payloads = new VectorPayload[capacity];
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>How many points are stored.</summary>
    public int Count => _count;

    /// <summary>Adds points, replacing any with the same id.</summary>
    public void Upsert(IReadOnlyList<VectorPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var point in points)
        {
            if (point.Vector.Length != Dimensions)
            {
                throw new ArgumentException($"Point {point.Id} has {point.Vector.Length} dimensions, not {Dimensions}.", nameof(points));
            }
        }

        _lock.EnterWriteLock();
        try
        {
            foreach (var point in points)
            {
                if (!_slots.TryGetValue(point.Id, out var slot))
                {
                    slot = _count++;
                    EnsureCapacity(_count);
                    _slots.Add(point.Id, slot);
                    _ids[slot] = point.Id;
                }

                point.Vector.Span.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
                _payloads[slot] = point.Payload ?? VectorPayload.Empty;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the points with these ids; unknown ids are ignored.</summary>
    public void Delete(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (!_slots.Remove(id, out var slot))
                {
                    continue;
                }

                var last = --_count;
                if (slot != last)
                {
                    _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
                    _ids[slot] = _ids[last];
                    _payloads[slot] = _payloads[last];
                    _slots[_ids[slot]] = slot;
                }

                _ids[last] = null!;
                _payloads[last] = null!;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The stored vector and payload of <paramref name="id"/>, if present.</summary>
    public bool TryGet(string id, out float[] vector, out VectorPayload payload)
    {
        _lock.EnterReadLock();
        try
        {
            if (_slots.TryGetValue(id, out var slot))
            {
                vector = _vectors.AsSpan(slot * Dimensions, Dimensions).ToArray();
                payload = _payloads[slot];
                return true;
            }

            vector = [];
            payload = VectorPayload.Empty;
            return false;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Every stored point, in storage order (a snapshot).</summary>
    public IReadOnlyList<VectorPoint> Points()
    {
        _lock.EnterReadLock();
        try
        {
            var points = new VectorPoint[_count];
            for (var i = 0; i < _count; i++)
            {
                points[i] = new VectorPoint(_ids[i], _vectors.AsSpan(i * Dimensions, Dimensions).ToArray(), _payloads[i]);
            }

            return points;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The <paramref name="limit"/> best points for <paramref name="query"/>, by score descending then id ordinal.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int limit = 10, VectorFilter? filter = null)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions, not {Dimensions}.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            // Min-heap of the best so far: the root is the worst kept hit.
            var heap = new PriorityQueue<int, (float Score, string Id)>(limit + 1, WorstFirst.Instance);
            for (var slot = 0; slot < _count; slot++)
            {
                if (filter is not null && !filter.Matches(_ids[slot], _payloads[slot]))
                {
                    continue;
                }

                var score = TensorPrimitives.Dot(query, _vectors.AsSpan(slot * Dimensions, Dimensions));
                if (heap.Count < limit)
                {
                    heap.Enqueue(slot, (score, _ids[slot]));
                }
                else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, _ids[slot]), worst) > 0)
                {
                    heap.EnqueueDequeue(slot, (score, _ids[slot]));
                }
            }

            var hits = new VectorHit[heap.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                heap.TryDequeue(out var slot, out var key);
                hits[i] = new VectorHit(key.Id, key.Score, _payloads[slot]);
            }

            return hits;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Upsert(points);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delete(ids);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)_count);

    /// <inheritdoc />
    public Task<IReadOnlyList<VectorHit>> SearchAsync(
        ReadOnlyMemory<float> query, int limit = 10, VectorFilter? filter = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Search(query.Span, limit, filter));
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(count, _ids.Length * 2);
        Array.Resize(ref _vectors, checked(capacity * Dimensions));
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _payloads, capacity);
    }

    /// <summary>Orders hits worst first: lower score, then (on equal scores) the larger id.</summary>
    private sealed class WorstFirst : IComparer<(float Score, string Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, string Id) x, (float Score, string Id) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
