using BenchmarkDotNet.Attributes;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Bench.Micro;

/// <summary>
/// The dense kernels at the shapes the pipeline uses: k-means assignment (rows × 40 centres × 256), the randomized
/// SVD's sparse × dense and dense × small products (width 272), and exact batched and single-query search.
/// Each has its simple TensorPrimitives form alongside as the baseline.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class KernelBenchmarks
{
    private const int Dimensions = 256;
    private const int Width = 272;

    private float[] _rows = [];
    private float[] _centres = [];
    private float[] _dots = [];
    private SparseMatrix _sparse = null!;
    private float[] _dense = [];
    private double[] _small = [];
    private float[] _queries = [];
    private int[] _indices = [];
    private float[] _scores = [];

    [GlobalSetup]
    public void Setup()
    {
        _rows = KernelData.Clustered(20_000, Dimensions, 1);
        _centres = KernelData.Clustered(40, Dimensions, 2);
        _dots = new float[64 * 40];
        _sparse = KernelData.Sparse(20_000, 20_000, 50, 3);
        _dense = KernelData.Clustered(20_000, Width, 4);
        var random = new Random(5);
        _small = Enumerable.Range(0, Width * Width).Select(_ => random.NextDouble() - 0.5).ToArray();
        _queries = KernelData.Clustered(100, Dimensions, 6);
        _indices = new int[100 * 10];
        _scores = new float[100 * 10];
    }

    /// <summary>k-means assignment's dot products, 20k rows × 40 centres, one thread, 64-row blocks.</summary>
    [Benchmark]
    public void KMeansDots()
    {
        for (var start = 0; start < 20_000; start += 64)
        {
            DotKernel.Dots(_rows.AsSpan(start * Dimensions, 64 * Dimensions), 64, _centres, 40, Dimensions, _dots);
        }
    }

    [Benchmark(Baseline = true)]
    public void KMeansDotsTensorPrimitives()
    {
        for (var i = 0; i < 20_000; i++)
        {
            var row = _rows.AsSpan(i * Dimensions, Dimensions);
            for (var j = 0; j < 40; j++)
            {
                _dots[(i % 64 * 40) + j] = System.Numerics.Tensors.TensorPrimitives.Dot(row, _centres.AsSpan(j * Dimensions, Dimensions));
            }
        }
    }

    [Benchmark]
    public float[] SparseTimesDense() => DenseKernels.Multiply(_sparse, _dense, Width, default);

    [Benchmark]
    public float[] SparseTimesDenseSimple() => DenseKernels.MultiplySimple(_sparse, _dense, Width, default);

    [Benchmark]
    public float[] DenseTimesSmall() => DenseKernels.Multiply(_dense, 20_000, Width, _small, Width, default);

    [Benchmark]
    public float[] DenseTimesSmallSimple() => DenseKernels.MultiplySimple(_dense, 20_000, Width, _small, Width, default);

    [Benchmark]
    public double[] Gram() => DenseKernels.Gram(_dense, 20_000, Width, default);

    /// <summary>Exact top-10 for 100 queries over 20k rows (batched kernel, all cores).</summary>
    [Benchmark]
    public void ExactTopKBatched() => ExactSearch.TopK(_rows, 20_000, _queries, 100, Dimensions, 10, _indices, _scores);

    /// <summary>Exact top-10 for one query over 20k rows (the database split across cores).</summary>
    [Benchmark]
    public void ExactTopKSingle() => ExactSearch.TopK(_rows, 20_000, _queries, 1, Dimensions, 10, _indices, _scores);
}
