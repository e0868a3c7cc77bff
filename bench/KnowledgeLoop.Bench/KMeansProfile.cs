using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;

/// <summary>
/// k-means alone on saved vectors (raw float32, from `peer --save-vectors`): seconds and inertia per variant, three runs
/// each (the best is compared); bench/kmeans_peer.py runs scikit-learn and FAISS on the same file. The first variant,
/// Lloyd with default settings (k-means++ on a 20k sample, stop at a relative inertia change of 1e-4), is the one compared.
/// </summary>
internal static class KMeansProfile
{
    public static int Run(string[] args)
    {
        var raw = File.ReadAllBytes(args[1]);
        var dimensions = int.Parse(EmbedCluster.Option(args, "--dim") ?? "256", CultureInfo.InvariantCulture);
        var k = int.Parse(EmbedCluster.Option(args, "--k") ?? "40", CultureInfo.InvariantCulture);
        var data = new float[raw.Length / sizeof(float)];
        Buffer.BlockCopy(raw, 0, data, 0, raw.Length);
        var points = new VectorMatrix(data, data.Length / dimensions, dimensions);
        var report = new Dictionary<string, object?>();
        foreach (var (name, options) in new (string, KMeansOptions)[]
        {
            ("lloyd_seeded_on_20k", new KMeansOptions { NumberOfClusters = k, NumberOfRestarts = 1, Algorithm = KMeansAlgorithm.Lloyd }),
            ("lloyd_seeded_on_20k_tol_1e-6", new KMeansOptions { NumberOfClusters = k, NumberOfRestarts = 1, Algorithm = KMeansAlgorithm.Lloyd, OptimizationTolerance = 1e-6 }),
            ("lloyd_seeded_on_20k_tol_1e-5", new KMeansOptions { NumberOfClusters = k, NumberOfRestarts = 1, Algorithm = KMeansAlgorithm.Lloyd, OptimizationTolerance = 1e-5 }),
            ("lloyd_seeded_on_20k_to_convergence", new KMeansOptions { NumberOfClusters = k, NumberOfRestarts = 1, Algorithm = KMeansAlgorithm.Lloyd, OptimizationTolerance = 0 }),
            ("lloyd_seeded_on_all", new KMeansOptions { NumberOfClusters = k, NumberOfRestarts = 1, Algorithm = KMeansAlgorithm.Lloyd, InitializationSampleSize = null }),
            ("minibatch", new KMeansOptions { NumberOfClusters = k, NumberOfRestarts = 3, Algorithm = KMeansAlgorithm.MiniBatch }),
        })
        {
            var seconds = new List<double>();
            KMeansModel? model = null;
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                model = new KMeansTrainer(options).Fit(points);
                seconds.Add(Math.Round(clock.Elapsed.TotalSeconds, 4));
            }

            report[name] = new Dictionary<string, object?>
            {
                ["seconds"] = seconds, ["best_seconds"] = seconds.Min(), ["inertia"] = Math.Round(model!.Inertia, 3), ["iterations"] = model.Iterations,
            };
        }

        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }
}
