using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// The embedded approximate index for many vectors: a hierarchical navigable small world graph (Malkov and Yashunin
/// 2018, the algorithm hnswlib implements). Every node links to its nearest neighbours chosen by the paper's
/// heuristic (M per upper layer, 2M on the bottom layer); a search walks greedily down the sparse upper layers and
/// then keeps the <see cref="HnswOptions.EfSearch"/> best candidates on the bottom layer. Vectors are stored
/// normalized in one contiguous array and compared by dot product (cosine). A payload filter is applied during the
/// walk (links are still followed through items that fail it); a filter that passes very few items is answered by an
/// exact scan. Deletes leave tombstones that still route searches. Safe for concurrent searches; writes lock, and a
/// batch of inserts runs on several threads with per-node locks. <see cref="Save"/> and <see cref="Load"/> persist it.
/// </summary>
public sealed class HnswVectorIndex : IVectorIndex, IDisposable
{
    private const int FormatVersion = 1;
    private const int MaximumLevel = 16;
    private const int ParallelInsertThreshold = 256;
    private const int FilterSample = 256;

    private static readonly byte[] Magic = "KLHNSW\0"u8.ToArray();

    private readonly HnswOptions _options;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _nodeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _categoryIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _outcomeIds = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<SearchContext> _contexts = [];
    private readonly object _entryLock = new();
    private readonly int _m;
    private readonly int _m0;
    private readonly int _stride0;
    private readonly double _levelFactor;
    private Random _random;
    private float[] _vectors;
    private string[] _ids;
    private VectorPayload[] _payloads;
    private bool[] _deleted;
    private byte[] _levels;

    // Payloads as numbers, so a filter is a few array reads per node (the payload record and string sets are slower).
    private int[] _categoryOf;
    private int[] _outcomeOf;
    private long[] _createdOf;
    private int[] _links0;
    private int[]?[] _upper;
    private int[] _nodeLocks;
    private int _nodeCount;
    private int _liveCount;
    private int _entry = -1;
    private int _maxLevel = -1;

    /// <summary>An empty index of <paramref name="dimensions"/>-long vectors.</summary>
    public HnswVectorIndex(int dimensions, HnswOptions? options = null, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        options ??= new HnswOptions();
        options.Validate();
        _options = options.Clone();
        Dimensions = dimensions;
        _m = _options.M;
        _m0 = 2 * _options.M;
        _stride0 = _m0 + 1;
        _levelFactor = 1.0 / Math.Log(_options.M);
        _random = new Random(_options.Seed);
        capacity = Math.Max(16, capacity);
        _vectors = new float[(long)capacity * dimensions];
        _ids = new string[capacity];
        _payloads = new VectorPayload[capacity];
        _deleted = new bool[capacity];
        _levels = new byte[capacity];
        _categoryOf = new int[capacity];
        _outcomeOf = new int[capacity];
        _createdOf = new long[capacity];
        _links0 = new int[(long)capacity * _stride0];
        _upper = new int[capacity][];
        _nodeLocks = new int[capacity];
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>The settings the index was made with (a copy).</summary>
    public HnswOptions Options => _options.Clone();

    /// <summary>The configured number of candidates a search keeps (<see cref="HnswOptions.EfSearch"/>), without copying the options.</summary>
    public int EfSearch => _options.EfSearch;

    /// <inheritdoc />
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _liveCount;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds or replaces items (synchronously; the async form is the interface's). A replaced item's old node becomes a tombstone.</summary>
    public void Upsert(IEnumerable<VectorItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items as IReadOnlyCollection<VectorItem> ?? [.. items];
        foreach (var item in list)
        {
            if (item.Vector.Length != Dimensions)
            {
                throw new ArgumentException($"Item {item.Id} has {item.Vector.Length} dimensions; the index holds {Dimensions}.", nameof(items));
            }
        }

        _lock.EnterWriteLock();
        try
        {
            EnsureCapacity(_nodeCount + list.Count);
            var first = _nodeCount;
            foreach (var item in list)
            {
                if (_nodeOf.TryGetValue(item.Id, out var old))
                {
                    _deleted[old] = true;
                    _liveCount--;
                }

                var node = _nodeCount++;
                var target = _vectors.AsSpan(node * Dimensions, Dimensions);
                item.Vector.Span.CopyTo(target);
                var norm = TensorPrimitives.Norm(target);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(target, norm, target);
                }

                _ids[node] = item.Id;
                SetPayload(node, item.Payload);
                var level = RandomLevel();
                _levels[node] = (byte)level;
                _upper[node] = level == 0 ? null : new int[level * (_m + 1)];
                _nodeOf[item.Id] = node;
                _liveCount++;
            }

            InsertNodes(first, _nodeCount);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes items by id (unknown ids are ignored); their nodes stay in the graph as tombstones.</summary>
    public void Delete(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (_nodeOf.Remove(id, out var node))
                {
                    _deleted[node] = true;
                    _liveCount--;
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best <paramref name="k"/> matches (synchronously), best first, ties by id.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, VectorFilter? filter = null) =>
        Search(query, k, filter, _options.EfSearch);

    /// <summary>The best <paramref name="k"/> matches with <paramref name="efSearch"/> candidates instead of the configured number.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, VectorFilter? filter, int efSearch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(efSearch);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index holds {Dimensions}.", nameof(query));
        }

        var context = RentContext();
        try
        {
            var unit = context.Query;
            query.CopyTo(unit);
            var norm = TensorPrimitives.Norm(unit);
            if (norm > 0)
            {
                TensorPrimitives.Divide(unit, norm, unit);
            }

            _lock.EnterReadLock();
            try
            {
                if (_liveCount == 0)
                {
                    return [];
                }

                context.EnsureCapacity(_nodeCount);
                var compiled = filter is null ? null : Compile(filter);
                if (compiled is not null && EstimatedPassingFraction(compiled) < _options.ExactFilterFraction)
                {
                    return ExactScan(context, unit, k, compiled);
                }

                SearchGraph(context, unit, Math.Max(k, efSearch), compiled);
                if (compiled is not null && context.Results.Count < k && context.Results.Count < _liveCount)
                {
                    // The walk found fewer matches than asked for: the filter is selective here; only a scan is sure.
                    return ExactScan(context, unit, k, compiled);
                }

                return Collect(context.Results, k);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        finally
        {
            _contexts.Add(context);
        }
    }

    /// <summary>Writes the index (versioned binary: options, then every node's id, payload, vector and links).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _lock.EnterReadLock();
        try
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Dimensions);
            writer.Write(_options.M);
            writer.Write(_options.EfConstruction);
            writer.Write(_options.EfSearch);
            writer.Write(_options.Seed);
            writer.Write(_options.ExactFilterFraction);
            writer.Write(_nodeCount);
            writer.Write(_entry);
            writer.Write(_maxLevel);
            for (var node = 0; node < _nodeCount; node++)
            {
                writer.Write(_ids[node]);
                writer.Write(_deleted[node]);
                WritePayload(writer, _payloads[node]);
                writer.Write(_levels[node]);
            }

            writer.Write(MemoryMarshal.AsBytes(_vectors.AsSpan(0, _nodeCount * Dimensions)));
            writer.Write(MemoryMarshal.AsBytes(_links0.AsSpan(0, _nodeCount * _stride0)));
            for (var node = 0; node < _nodeCount; node++)
            {
                if (_upper[node] is { } upper)
                {
                    writer.Write(MemoryMarshal.AsBytes(upper.AsSpan()));
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Reads an index written by <see cref="Save"/>; <paramref name="buildThreads"/> applies to later inserts.</summary>
    /// <exception cref="InvalidDataException">The stream is not an index, or was written by another format version.</exception>
    public static HnswVectorIndex Load(Stream stream, int? buildThreads = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The HNSW index file is little-endian.");
        }

        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("Not a KnowledgeLoop HNSW index.");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"HNSW index format {version} is not supported (this build reads {FormatVersion}).");
            }

            var dimensions = reader.ReadInt32();
            var options = new HnswOptions
            {
                M = reader.ReadInt32(),
                EfConstruction = reader.ReadInt32(),
                EfSearch = reader.ReadInt32(),
                Seed = reader.ReadInt32(),
                ExactFilterFraction = reader.ReadDouble(),
                BuildThreads = buildThreads,
            };
            var count = reader.ReadInt32();
            if (dimensions < 1 || count < 0 || (long)count * dimensions > Array.MaxLength)
            {
                throw new InvalidDataException("The HNSW index's sizes are corrupt.");
            }

            var index = new HnswVectorIndex(dimensions, options, count);
            index._entry = reader.ReadInt32();
            index._maxLevel = reader.ReadInt32();
            for (var node = 0; node < count; node++)
            {
                index._ids[node] = reader.ReadString();
                index._deleted[node] = reader.ReadBoolean();
                index.SetPayload(node, ReadPayload(reader));
                var level = reader.ReadByte();
                index._levels[node] = level;
                index._upper[node] = level == 0 ? null : new int[level * (index._m + 1)];
                if (!index._deleted[node])
                {
                    index._nodeOf[index._ids[node]] = node;
                }
            }

            stream.ReadExactly(MemoryMarshal.AsBytes(index._vectors.AsSpan(0, count * dimensions)));
            stream.ReadExactly(MemoryMarshal.AsBytes(index._links0.AsSpan(0, count * index._stride0)));
            for (var node = 0; node < count; node++)
            {
                if (index._upper[node] is { } upper)
                {
                    stream.ReadExactly(MemoryMarshal.AsBytes(upper.AsSpan()));
                }
            }

            index._nodeCount = count;
            index._liveCount = index._nodeOf.Count;
            index._random = new Random(HashCode.Combine(options.Seed, count));
            return index;
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The HNSW index is truncated.", exception);
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

    private int RandomLevel()
    {
        var level = (int)(-Math.Log(1.0 - _random.NextDouble()) * _levelFactor);
        return Math.Min(level, MaximumLevel);
    }

    private void EnsureCapacity(int needed)
    {
        var capacity = _ids.Length;
        if (needed <= capacity)
        {
            return;
        }

        var grown = Math.Max(needed, capacity * 2);
        Array.Resize(ref _vectors, grown * Dimensions);
        Array.Resize(ref _ids, grown);
        Array.Resize(ref _payloads, grown);
        Array.Resize(ref _deleted, grown);
        Array.Resize(ref _levels, grown);
        Array.Resize(ref _categoryOf, grown);
        Array.Resize(ref _outcomeOf, grown);
        Array.Resize(ref _createdOf, grown);
        Array.Resize(ref _links0, grown * _stride0);
        Array.Resize(ref _upper, grown);
        Array.Resize(ref _nodeLocks, grown);
    }

    /// <summary>Links nodes [first, end): on several threads for a large batch, each taking the next node in order.</summary>
    private void InsertNodes(int first, int end)
    {
        var threads = Math.Min(_options.BuildThreads ?? Environment.ProcessorCount, Math.Max(1, (end - first) / ParallelInsertThreshold));
        var next = first;
        if (threads <= 1)
        {
            var context = RentContext();
            context.EnsureCapacity(end);
            for (var node = first; node < end; node++)
            {
                Insert(context, node);
            }

            _contexts.Add(context);
            return;
        }

        // The first nodes go in alone, so the parallel inserts start from a graph with some structure.
        var warm = Math.Min(end, first + ParallelInsertThreshold);
        InsertNodes(first, warm);
        next = warm;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            var context = RentContext();
            context.EnsureCapacity(end);
            int node;
            while ((node = Interlocked.Increment(ref next) - 1) < end)
            {
                Insert(context, node);
            }

            _contexts.Add(context);
        });
    }

    private void Insert(SearchContext context, int node)
    {
        var level = (int)_levels[node];
        int entry, maxLevel;
        lock (_entryLock)
        {
            entry = _entry;
            maxLevel = _maxLevel;
            if (entry < 0)
            {
                _entry = node;
                _maxLevel = level;
                return;
            }
        }

        var query = Vector(node);
        var current = entry;
        var currentDot = VectorKernels.Dot(query, Vector(current));
        for (var layer = maxLevel; layer > level; layer--)
        {
            (current, currentDot) = Greedy(context, query, current, currentDot, layer, locking: true);
        }

        var entries = context.Entries;
        entries.Clear();
        entries.Add(current);
        for (var layer = Math.Min(level, maxLevel); layer >= 0; layer--)
        {
            SearchLayer(context, query, CollectionsMarshal.AsSpan(entries), _options.EfConstruction, layer, null, skipDeleted: false, locking: true);
            // Copied out of the context's selection list, which pruning the neighbours' lists reuses.
            var selected = SelectNeighbors(context, context.Results, _m);
            entries.Clear();
            entries.AddRange(selected);
            SetLinks(node, layer, entries);
            foreach (var neighbour in entries)
            {
                AddLink(context, neighbour, node, layer);
            }
        }

        if (level > maxLevel)
        {
            lock (_entryLock)
            {
                if (level > _maxLevel)
                {
                    _entry = node;
                    _maxLevel = level;
                }
            }
        }
    }

    private (int Node, float Dot) Greedy(SearchContext context, ReadOnlySpan<float> query, int current, float currentDot, int layer, bool locking)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            var neighbours = Neighbours(current, layer, context.LinkBuffer, locking);
            foreach (var candidate in neighbours)
            {
                var dot = VectorKernels.Dot(query, Vector(candidate));
                if (dot > currentDot)
                {
                    currentDot = dot;
                    current = candidate;
                    changed = true;
                }
            }
        }

        return (current, currentDot);
    }

    private void SearchGraph(SearchContext context, ReadOnlySpan<float> query, int ef, NodeFilter? filter)
    {
        var current = _entry;
        var currentDot = VectorKernels.Dot(query, Vector(current));
        for (var layer = _maxLevel; layer > 0; layer--)
        {
            (current, currentDot) = Greedy(context, query, current, currentDot, layer, locking: false);
        }

        Span<int> entries = [current];
        SearchLayer(context, query, entries, ef, 0, filter, skipDeleted: true, locking: false);
    }

    /// <summary>
    /// The best-first search of one layer: <c>context.Candidates</c> holds nodes to expand (key −dot, closest on top),
    /// <c>context.Results</c> the best <paramref name="ef"/> nodes that pass (key dot, weakest on top).
    /// </summary>
    private void SearchLayer(
        SearchContext context, ReadOnlySpan<float> query, ReadOnlySpan<int> entries, int ef, int layer, NodeFilter? filter, bool skipDeleted, bool locking)
    {
        var visited = context.NextGeneration();
        var generation = context.Generation;
        var candidates = context.Candidates;
        var results = context.Results;
        candidates.Clear();
        results.Clear();
        foreach (var entry in entries)
        {
            if (visited[entry] == generation)
            {
                continue;
            }

            visited[entry] = generation;
            var dot = VectorKernels.Dot(query, Vector(entry));
            candidates.Push(-dot, entry);
            if (Passes(entry, filter, skipDeleted))
            {
                results.Push(dot, entry);
                if (results.Count > ef)
                {
                    results.Pop();
                }
            }
        }

        var bound = results.Count > 0 ? results.TopKey : float.NegativeInfinity;
        while (candidates.Count > 0)
        {
            var candidateDot = -candidates.TopKey;
            if (candidateDot < bound && results.Count >= ef)
            {
                break;
            }

            var expand = candidates.TopNode;
            candidates.Pop();
            var neighbours = Neighbours(expand, layer, context.LinkBuffer, locking);
            foreach (var neighbour in neighbours)
            {
                if (visited[neighbour] != generation)
                {
                    Prefetch(neighbour);
                }
            }

            foreach (var neighbour in neighbours)
            {
                if (visited[neighbour] == generation)
                {
                    continue;
                }

                visited[neighbour] = generation;
                var dot = VectorKernels.Dot(query, Vector(neighbour));
                if (results.Count < ef || dot > bound)
                {
                    candidates.Push(-dot, neighbour);
                    if (Passes(neighbour, filter, skipDeleted))
                    {
                        results.Push(dot, neighbour);
                        if (results.Count > ef)
                        {
                            results.Pop();
                        }

                        bound = results.TopKey;
                    }
                }
            }
        }
    }

    private bool Passes(int node, NodeFilter? filter, bool skipDeleted) =>
        (!skipDeleted || !_deleted[node]) && (filter is null || filter.Passes(_categoryOf[node], _outcomeOf[node], _createdOf[node]));

    private void SetPayload(int node, VectorPayload payload)
    {
        _payloads[node] = payload;
        _categoryOf[node] = Intern(_categoryIds, payload.Category);
        _outcomeOf[node] = Intern(_outcomeIds, payload.Outcome);
        _createdOf[node] = payload.CreatedAt?.UtcTicks ?? long.MinValue;
    }

    private static int Intern(Dictionary<string, int> ids, string? value)
    {
        if (value is null)
        {
            return -1;
        }

        if (!ids.TryGetValue(value, out var id))
        {
            id = ids.Count;
            ids.Add(value, id);
        }

        return id;
    }

    /// <summary>The filter over this index's numbered payloads (same meaning as <see cref="VectorFilter.Matches"/>).</summary>
    private NodeFilter Compile(VectorFilter filter)
    {
        static bool[]? Allowed(IReadOnlySet<string>? values, Dictionary<string, int> ids)
        {
            if (values is null)
            {
                return null;
            }

            var allowed = new bool[ids.Count];
            foreach (var value in values)
            {
                if (ids.TryGetValue(value, out var id))
                {
                    allowed[id] = true;
                }
            }

            return allowed;
        }

        return new NodeFilter(
            Allowed(filter.Categories, _categoryIds),
            Allowed(filter.Outcomes, _outcomeIds),
            filter.CreatedFrom?.UtcTicks,
            filter.CreatedBefore?.UtcTicks);
    }

    /// <summary>
    /// The paper's heuristic (algorithm 4): closest first, a candidate is kept only when it is closer to the base than to
    /// every neighbour kept so far, which keeps links pointing in different directions. Fewer candidates than
    /// <paramref name="limit"/> are all kept (as hnswlib does).
    /// </summary>
    private List<int> SelectNeighbors(SearchContext context, NodeHeap heap, int limit)
    {
        var sorted = context.Sorted;
        sorted.Clear();
        var keys = heap.Keys;
        var nodes = heap.Nodes;
        for (var i = 0; i < keys.Length; i++)
        {
            sorted.Add((keys[i], nodes[i]));
        }

        return SelectNeighbors(context, sorted, limit);
    }

    private List<int> SelectNeighbors(SearchContext context, List<(float Dot, int Node)> sorted, int limit)
    {
        var selected = context.Selected;
        selected.Clear();
        sorted.Sort(static (a, b) => b.Dot != a.Dot ? b.Dot.CompareTo(a.Dot) : a.Node.CompareTo(b.Node));
        if (sorted.Count <= limit)
        {
            foreach (var (_, node) in sorted)
            {
                selected.Add(node);
            }

            return selected;
        }

        foreach (var (dot, node) in sorted)
        {
            if (selected.Count >= limit)
            {
                break;
            }

            var vector = Vector(node);
            var good = true;
            foreach (var kept in selected)
            {
                if (VectorKernels.Dot(vector, Vector(kept)) > dot)
                {
                    good = false;
                    break;
                }
            }

            if (good)
            {
                selected.Add(node);
            }
        }

        return selected;
    }

    private void SetLinks(int node, int layer, List<int> selected)
    {
        Lock(node);
        try
        {
            var list = LinkList(node, layer);
            list[0] = selected.Count;
            for (var i = 0; i < selected.Count; i++)
            {
                list[i + 1] = selected[i];
            }
        }
        finally
        {
            Unlock(node);
        }
    }

    /// <summary>Links <paramref name="target"/> back to <paramref name="node"/>; a full list is pruned by the heuristic.</summary>
    private void AddLink(SearchContext context, int target, int node, int layer)
    {
        var limit = layer == 0 ? _m0 : _m;
        Lock(target);
        try
        {
            var list = LinkList(target, layer);
            var count = list[0];
            for (var i = 1; i <= count; i++)
            {
                if (list[i] == node)
                {
                    return;
                }
            }

            if (count < limit)
            {
                list[count + 1] = node;
                list[0] = count + 1;
                return;
            }

            var vector = Vector(target);
            var candidates = context.Pruning;
            candidates.Clear();
            candidates.Add((VectorKernels.Dot(vector, Vector(node)), node));
            for (var i = 1; i <= count; i++)
            {
                candidates.Add((VectorKernels.Dot(vector, Vector(list[i])), list[i]));
            }

            var kept = SelectNeighbors(context, candidates, limit);
            list[0] = kept.Count;
            for (var i = 0; i < kept.Count; i++)
            {
                list[i + 1] = kept[i];
            }
        }
        finally
        {
            Unlock(target);
        }
    }

    /// <summary>Node <paramref name="node"/>'s links on <paramref name="layer"/>: count first, then the neighbours.</summary>
    private Span<int> LinkList(int node, int layer) =>
        layer == 0 ? _links0.AsSpan(node * _stride0, _stride0) : _upper[node].AsSpan((layer - 1) * (_m + 1), _m + 1);

    private ReadOnlySpan<int> Neighbours(int node, int layer, int[] buffer, bool locking)
    {
        if (!locking)
        {
            var list = LinkList(node, layer);
            return list.Slice(1, list[0]);
        }

        Lock(node);
        try
        {
            var list = LinkList(node, layer);
            var count = list[0];
            list.Slice(1, count).CopyTo(buffer);
            return buffer.AsSpan(0, count);
        }
        finally
        {
            Unlock(node);
        }
    }

    private void Lock(int node)
    {
        var spinner = default(SpinWait);
        while (Interlocked.CompareExchange(ref _nodeLocks[node], 1, 0) != 0)
        {
            spinner.SpinOnce();
        }
    }

    private void Unlock(int node) => Volatile.Write(ref _nodeLocks[node], 0);

    private ReadOnlySpan<float> Vector(int node) => _vectors.AsSpan(node * Dimensions, Dimensions);

    /// <summary>
    /// Asks the cache for the start of a neighbour's vector before the dot products reach it: the search is bound by
    /// memory latency (each neighbour is a random 1 KB row). A hint only: the address is never dereferenced, so a
    /// stale one (the array moved by the GC) costs nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(int node)
    {
        if (Sse.IsSupported)
        {
            var address = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_vectors), (nint)node * Dimensions));
            Sse.Prefetch0(address);
            Sse.Prefetch0(address + 64);
        }
    }

    /// <summary>The share of a fixed, evenly spread sample of nodes that are live and pass <paramref name="filter"/>.</summary>
    private double EstimatedPassingFraction(NodeFilter filter)
    {
        var sample = Math.Min(FilterSample, _nodeCount);
        var step = (double)_nodeCount / sample;
        var passing = 0;
        for (var i = 0; i < sample; i++)
        {
            var node = (int)(i * step);
            if (Passes(node, filter, skipDeleted: true))
            {
                passing++;
            }
        }

        return (double)passing / sample;
    }

    private List<VectorHit> ExactScan(SearchContext context, ReadOnlySpan<float> query, int k, NodeFilter? filter)
    {
        var results = context.Results;
        results.Clear();
        for (var node = 0; node < _nodeCount; node++)
        {
            if (!Passes(node, filter, skipDeleted: true))
            {
                continue;
            }

            var dot = VectorKernels.Dot(query, Vector(node));
            if (results.Count < k)
            {
                results.Push(dot, node);
            }
            else if (dot > results.TopKey || (dot == results.TopKey && string.CompareOrdinal(_ids[node], _ids[results.TopNode]) < 0))
            {
                results.Pop();
                results.Push(dot, node);
            }
        }

        return Collect(results, k);
    }

    private List<VectorHit> Collect(NodeHeap results, int k)
    {
        var keys = results.Keys;
        var nodes = results.Nodes;

        // Only scores at least the k-th best can be returned: sort the plain scores to find it, then sort just those
        // (k, plus ties) by score and id. The same hits as sorting every candidate, without comparing ids for the rest.
        var threshold = float.NegativeInfinity;
        if (keys.Length > k)
        {
            Span<float> scores = keys.Length <= 256 ? stackalloc float[keys.Length] : new float[keys.Length];
            keys.CopyTo(scores);
            scores.Sort();
            threshold = scores[^k];
        }

        var hits = new List<(float Dot, int Node)>(Math.Min(keys.Length, k + 8));
        for (var i = 0; i < keys.Length; i++)
        {
            if (!(keys[i] < threshold))
            {
                hits.Add((keys[i], nodes[i]));
            }
        }

        hits.Sort((a, b) => a.Dot != b.Dot ? b.Dot.CompareTo(a.Dot) : string.CompareOrdinal(_ids[a.Node], _ids[b.Node]));
        var count = Math.Min(k, hits.Count);
        var output = new List<VectorHit>(count);
        for (var i = 0; i < count; i++)
        {
            var node = hits[i].Node;
            output.Add(new VectorHit(_ids[node], hits[i].Dot, _payloads[node]));
        }

        return output;
    }

    private SearchContext RentContext() => _contexts.TryTake(out var context) ? context : new SearchContext(Dimensions, _m0);

    private static void WritePayload(BinaryWriter writer, VectorPayload payload)
    {
        WriteString(writer, payload.Category);
        writer.Write(payload.CreatedAt.HasValue);
        if (payload.CreatedAt is { } created)
        {
            writer.Write(created.UtcTicks);
            writer.Write((short)created.Offset.TotalMinutes);
        }

        WriteString(writer, payload.Outcome);
    }

    private static VectorPayload ReadPayload(BinaryReader reader)
    {
        var category = ReadString(reader);
        DateTimeOffset? created = null;
        if (reader.ReadBoolean())
        {
            var ticks = reader.ReadInt64();
            var offset = TimeSpan.FromMinutes(reader.ReadInt16());
            created = new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
        }

        return new VectorPayload(category, created, ReadString(reader));
    }

    private static void WriteString(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    /// <summary>A <see cref="VectorFilter"/> compiled against the index's category and outcome numbers and UTC ticks.</summary>
    private sealed class NodeFilter(bool[]? categories, bool[]? outcomes, long? from, long? before)
    {
        public bool Passes(int category, int outcome, long created) =>
            (categories is null || (category >= 0 && category < categories.Length && categories[category]))
            && (outcomes is null || (outcome >= 0 && outcome < outcomes.Length && outcomes[outcome]))
            && (from is null || (created != long.MinValue && created >= from))
            && (before is null || (created != long.MinValue && created < before));
    }

    /// <summary>One search's scratch space (visited marks, heaps, buffers), pooled so searches allocate almost nothing.</summary>
    private sealed class SearchContext(int dimensions, int maximumLinks)
    {
        private int[] _visited = [];

        public int Generation { get; private set; }

        public float[] Query { get; } = new float[dimensions];

        public int[] LinkBuffer { get; } = new int[maximumLinks + 1];

        public NodeHeap Candidates { get; } = new();

        public NodeHeap Results { get; } = new();

        public List<int> Entries { get; } = [];

        public List<int> Selected { get; } = [];

        public List<(float Dot, int Node)> Sorted { get; } = [];

        public List<(float Dot, int Node)> Pruning { get; } = [];

        public void EnsureCapacity(int nodes)
        {
            if (_visited.Length < nodes)
            {
                _visited = new int[Math.Max(nodes, _visited.Length * 2)];
                Generation = 0;
            }
        }

        public int[] NextGeneration()
        {
            if (++Generation == int.MaxValue)
            {
                Array.Clear(_visited);
                Generation = 1;
            }

            return _visited;
        }
    }
}
