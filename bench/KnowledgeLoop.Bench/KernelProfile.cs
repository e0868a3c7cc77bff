using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Vectors;

/// <summary>
/// A stopwatch profile of the embedding's kernels on a real corpus: the LSA fit step by step (tokenize, vocabulary,
/// TF-IDF rows, transpose, each sparse and dense product of the randomized SVD at its real shape), with GFLOP/s where
/// the work is countable. One JSON object; figures, never asserted.
/// </summary>
internal static class KernelProfile
{
    public static int Run(string[] args)
    {
        var (texts, _) = EmbedCluster.ReadColumns(args[1], EmbedCluster.Option(args, "--text-col") ?? "text", null, 0);
        var options = new LsaOptions { Seed = 42 };
        var report = new Dictionary<string, object?>();
        var clock = Stopwatch.StartNew();
        var corpus = LsaModel.Tokenize(texts, options);
        report["tokenize_s"] = Lap(clock);
        var stages = new Dictionary<string, double>();
        var fit = LsaModel.FitTransform(corpus, options, null, stages, CancellationToken.None);
        report["fit_stages_s"] = stages;
        var weights = fit.Model.TermWeights(corpus);
        report["tfidf_shape"] = new[] { weights.Rows, weights.Columns };
        report["tfidf_nnz"] = weights.NonZeroCount;
        clock.Restart();
        var transposed = weights.Transpose();
        report["transpose_s"] = Lap(clock);

        var width = 272;
        var gaussian = RandomizedSvd.Gaussian(weights.Rows, width, 1);
        report["gaussian_s"] = Lap(clock);
        var y = DenseKernels.Multiply(transposed, gaussian, width, CancellationToken.None);
        report["sparse_At_times_dense_s"] = Lap(clock);
        var w = DenseKernels.Multiply(weights, y, width, CancellationToken.None);
        report["sparse_A_times_dense_s"] = Lap(clock);
        var sparseFlops = 2.0 * weights.NonZeroCount * width;
        report["sparse_gflops"] = Math.Round(sparseFlops / (double)report["sparse_A_times_dense_s"]! / 1e9, 1);

        var terms = weights.Columns;
        clock.Restart();
        var gram = DenseKernels.Gram(y, terms, width, CancellationToken.None);
        var gramSeconds = Lap(clock);
        report["gram_s"] = gramSeconds;
        report["gram_gflops"] = Math.Round(1.0 * terms * width * (width + 1) / gramSeconds / 1e9, 1);
        var (transform, rank) = SmallLinearAlgebra.OrthonormalizingTransform(gram, width, 1e-12);
        report["small_cholesky_s"] = Lap(clock);
        var q = DenseKernels.Multiply(y, terms, width, transform, rank, CancellationToken.None);
        var multiplySeconds = Lap(clock);
        report["dense_times_small_s"] = multiplySeconds;
        report["dense_times_small_gflops"] = Math.Round(1.0 * terms * width * rank / multiplySeconds / 1e9, 1);
        DenseKernels.CrossProduct(q, y, terms, rank, CancellationToken.None);
        var crossSeconds = Lap(clock);
        report["cross_s"] = crossSeconds;
        report["cross_gflops"] = Math.Round(2.0 * terms * width * rank / crossSeconds / 1e9, 1);

        // k-means' kernel at its real shape: 100k × 256 rows against 40 centres.
        var z = fit.Vectors;
        var centers = z.Select(Enumerable.Range(0, 40).Select(i => i * 97).ToArray()).Data;
        var dots = new float[NearestCenters.BlockRows * 40];
        clock.Restart();
        for (var start = 0; start + NearestCenters.BlockRows <= z.Rows; start += NearestCenters.BlockRows)
        {
            DotKernel.Dots(z.Data.AsSpan(start * z.Dimensions, NearestCenters.BlockRows * z.Dimensions), NearestCenters.BlockRows, centers, 40, z.Dimensions, dots);
        }

        var kmSeconds = Lap(clock);
        report["kmeans_dots_1thread_s"] = kmSeconds;
        report["kmeans_dots_1thread_gflops"] = Math.Round(2.0 * z.Rows * 40 * z.Dimensions / kmSeconds / 1e9, 1);
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    private static double Lap(Stopwatch clock)
    {
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 4);
        clock.Restart();
        return seconds;
    }
}
