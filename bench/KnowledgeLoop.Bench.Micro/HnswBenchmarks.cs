using BenchmarkDotNet.Attributes;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Bench.Micro;

/// <summary>One HNSW search (M 16, efConstruction 200, ef 64) against one exact scan, over 20k clustered 256-d vectors.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HnswBenchmarks : IDisposable
{
    private const int Dimensions = 256;
    private const int Count = 20_000;

    private HnswVectorIndex _hnsw = null!;
    private ExactVectorIndex _exact = null!;
    private float[] _queries = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var data = KernelData.Clustered(Count, Dimensions, 1);
        var items = Enumerable.Range(0, Count).Select(i => new VectorItem("t" + i, data.AsMemory(i * Dimensions, Dimensions), new VectorPayload(i % 2 == 0 ? "billing" : "sync"))).ToList();
        _hnsw = new HnswVectorIndex(Dimensions);
        _hnsw.Upsert(items);
        _exact = new ExactVectorIndex(Dimensions, Count);
        _exact.Upsert(items);
        _queries = KernelData.Clustered(256, Dimensions, 2);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _hnsw?.Dispose();
        _exact?.Dispose();
        GC.SuppressFinalize(this);
    }

    private ReadOnlySpan<float> Query() => _queries.AsSpan((_next++ & 255) * Dimensions, Dimensions);

    [Benchmark]
    public IReadOnlyList<VectorHit> HnswSearch() => _hnsw.Search(Query(), 10);

    [Benchmark]
    public IReadOnlyList<VectorHit> HnswSearchFiltered() => _hnsw.Search(Query(), 10, new VectorFilter(Categories: new HashSet<string> { "billing" }));

    [Benchmark(Baseline = true)]
    public IReadOnlyList<VectorHit> ExactSearch() => _exact.Search(Query(), 10);
}
