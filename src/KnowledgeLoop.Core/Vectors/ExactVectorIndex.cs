using System.Numerics.Tensors;

namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// The embedded vector index: every vector in one contiguous array, a query scored against all of them with SIMD
/// dot products (TensorPrimitives), the best k kept in a small heap. Exact, so recall is 1; a scan of 100k × 256
/// floats is about 100 MB of memory traffic, a few milliseconds. Safe for concurrent searches; writes lock.
/// </summary>
public sealed class ExactVectorIndex : IVectorIndex, IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _rowOf = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<VectorPayload> _payloads = [];
    private float[] _vectors;

    /// <summary>An empty index of <paramref name="dimensions"/>-long vectors.</summary>
    public ExactVectorIndex(int dimensions, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        _vectors = new float[Math.Max(1, capacity) * dimensions];
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _ids.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds or replaces items (synchronously; the async form is the interface's).</summary>
    public void Upsert(IEnumerable<VectorItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _lock.EnterWriteLock();
        try
        {
            foreach (var item in items)
            {
                if (item.Vector.Length != Dimensions)
                {
                    throw new ArgumentException($"Item {item.Id} has {item.Vector.Length} dimensions; the index holds {Dimensions}.", nameof(items));
                }

                if (!_rowOf.TryGetValue(item.Id, out var row))
                {
                    row = _ids.Count;
                    _rowOf[item.Id] = row;
                    _ids.Add(item.Id);
                    _payloads.Add(item.Payload);
                    if ((row + 1) * Dimensions > _vectors.Length)
                    {
                        Array.Resize(ref _vectors, Math.Max(_vectors.Length * 2, (row + 1) * Dimensions));
                    }
                }
                else
                {
                    _payloads[row] = item.Payload;
                }

                item.Vector.Span.CopyTo(_vectors.AsSpan(row * Dimensions, Dimensions));
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes items by id (the last row moves into the hole).</summary>
    public void Delete(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (!_rowOf.Remove(id, out var row))
                {
                    continue;
                }

                var last = _ids.Count - 1;
                if (row != last)
                {
                    _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(row * Dimensions, Dimensions));
                    _ids[row] = _ids[last];
                    _payloads[row] = _payloads[last];
                    _rowOf[_ids[row]] = row;
                }

                _ids.RemoveAt(last);
                _payloads.RemoveAt(last);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best <paramref name="k"/> matches (synchronously).</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, VectorFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index holds {Dimensions}.", nameof(query));
        }

        Span<float> unit = Dimensions <= 2048 ? stackalloc float[Dimensions] : new float[Dimensions];
        query.CopyTo(unit);
        var norm = TensorPrimitives.Norm(unit);
        if (norm > 0)
        {
            TensorPrimitives.Divide(unit, norm, unit);
        }

        _lock.EnterReadLock();
        try
        {
            // A min-heap of the best k so far: the root is the weakest kept hit.
            var heap = new PriorityQueue<int, (float Score, string Id)>(k + 1, WeakestFirst.Instance);
            var vectors = _vectors.AsSpan();
            for (var row = 0; row < _ids.Count; row++)
            {
                if (filter is not null && !filter.Matches(_payloads[row]))
                {
                    continue;
                }

                var score = TensorPrimitives.Dot(unit, vectors.Slice(row * Dimensions, Dimensions));
                if (heap.Count < k)
                {
                    heap.Enqueue(row, (score, _ids[row]));
                }
                else if (heap.TryPeek(out _, out var weakest) && WeakestFirst.Instance.Compare((score, _ids[row]), weakest) > 0)
                {
                    heap.EnqueueDequeue(row, (score, _ids[row]));
                }
            }

            var hits = new List<VectorHit>(heap.Count);
            while (heap.TryDequeue(out var row, out var key))
            {
                hits.Add(new VectorHit(_ids[row], key.Score, _payloads[row]));
            }

            hits.Reverse();
            return hits;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyCollection<VectorItem> items, CancellationToken cancellationToken = default)
    {
        Upsert(items);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        Delete(ids);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int k, VectorFilter? filter = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(query.Span, k, filter));

    /// <summary>Orders hits weakest first: lower score, then (for equal scores) the larger id, so the best ties sort by id.</summary>
    private sealed class WeakestFirst : IComparer<(float Score, string Id)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((float Score, string Id) x, (float Score, string Id) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
