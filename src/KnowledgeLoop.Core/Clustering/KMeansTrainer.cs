using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// k-means on L2-normalized embeddings: k-means++ (greedy local trials) or random initialization, then Lloyd
/// iterations, or mini-batch k-means (Sculley 2010) for large inputs, keeping the restart with the lowest inertia.
/// Rows are split into fixed chunks whose partial sums are reduced in chunk order, so the model depends on the
/// rows and the seed only, never on thread timing or <see cref="KMeansOptions.NumberOfThreads"/>.
/// </summary>
public sealed class KMeansTrainer
{
    private const int MiniBatchPatience = 10;

    private readonly KMeansOptions _options;

    /// <summary>A trainer with the given settings (copied and validated).</summary>
    public KMeansTrainer(KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
    }

    /// <summary>A trainer for <paramref name="numberOfClusters"/> clusters with default settings.</summary>
    public KMeansTrainer(int numberOfClusters, int seed = 0)
        : this(new KMeansOptions { NumberOfClusters = numberOfClusters, Seed = seed })
    {
    }

    /// <summary>Clusters the rows of <paramref name="points"/>; k must not exceed the number of rows.</summary>
    public KMeansModel Fit(VectorMatrix points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        var k = _options.NumberOfClusters;
        if (points.Rows < k)
        {
            throw new ArgumentException($"{points.Rows} rows cannot make {k} clusters.", nameof(points));
        }

        var data = new KMeansData(points, _options.NumberOfThreads, cancellationToken);
        var random = new Random(_options.Seed);
        var miniBatch = _options.Algorithm == KMeansAlgorithm.MiniBatch
            || (_options.Algorithm == KMeansAlgorithm.Auto && points.Rows >= _options.MiniBatchThreshold);
        return miniBatch ? FitMiniBatch(data, random) : FitLloyd(data, random);
    }

    /// <summary>Lloyd iterations from <paramref name="initialCentroids"/> (no restarts, no mini-batch): a warm start.</summary>
    internal KMeansModel Fit(VectorMatrix points, VectorMatrix initialCentroids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(initialCentroids);
        if (initialCentroids.Rows != _options.NumberOfClusters || initialCentroids.Dimensions != points.Dimensions)
        {
            throw new ArgumentException(
                $"Expected {_options.NumberOfClusters} centroids of {points.Dimensions} dimensions.", nameof(initialCentroids));
        }

        var data = new KMeansData(points, _options.NumberOfThreads, cancellationToken);
        return Lloyd(data, (float[])initialCentroids.Data.Clone(), _options.MaximumNumberOfIterations);
    }

    private KMeansModel FitLloyd(KMeansData data, Random random)
    {
        KMeansModel? best = null;
        var seeding = data;
        if (_options.InitializationSampleSize is { } sampleSize && data.Rows > sampleSize && sampleSize >= _options.NumberOfClusters)
        {
            seeding = new KMeansData(data.Source.Select(Sample(random, data.Rows, sampleSize)), _options.NumberOfThreads, data.CancellationToken);
        }

        for (var restart = 0; restart < _options.NumberOfRestarts; restart++)
        {
            var centers = Initialize(seeding, random);
            var model = Lloyd(data, centers, _options.MaximumNumberOfIterations);
            if (best is null || model.Inertia < best.Inertia)
            {
                best = model;
            }
        }

        return best!;
    }

    private KMeansModel FitMiniBatch(KMeansData data, Random random)
    {
        var k = _options.NumberOfClusters;
        var d = data.Dimensions;
        var batchSize = Math.Min(_options.MiniBatchSize, data.Rows);

        // As scikit-learn: initialize on a sample of 3 batches and keep the initialization with the lowest
        // inertia on that sample.
        var initRows = Sample(random, data.Rows, Math.Min(data.Rows, Math.Max(3 * batchSize, 3 * k)));
        var initData = new KMeansData(data.Source.Select(initRows), _options.NumberOfThreads, data.CancellationToken);
        float[]? centers = null;
        var bestInertia = double.PositiveInfinity;
        for (var restart = 0; restart < _options.NumberOfRestarts; restart++)
        {
            var candidate = Initialize(initData, random);
            var inertia = initData.Assign(candidate, Norms(candidate, k, d), k, new int[initData.Rows], new float[initData.Rows]);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                centers = candidate;
            }
        }

        var weights = new double[k];
        var centerNorms = Norms(centers!, k, d);
        var batch = new float[batchSize * d];
        var batchNorms = new float[batchSize];
        var labels = new int[batchSize];
        var distances = new float[batchSize];
        var scratch = new float[NearestCenters.BlockRows * k];
        var sums = new float[k * d];
        var counts = new int[k];
        var steps = (int)Math.Min(int.MaxValue, (long)_options.MaximumNumberOfIterations * ((data.Rows + batchSize - 1) / batchSize));
        var alpha = Math.Min(1.0, batchSize * 2.0 / (data.Rows + 1));
        var ewa = double.NaN;
        var bestEwa = double.PositiveInfinity;
        var stale = 0;
        var step = 0;
        while (step < steps)
        {
            data.CancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < batchSize; i++)
            {
                var row = random.Next(data.Rows);
                data.Source.Row(row).CopyTo(batch.AsSpan(i * d, d));
                batchNorms[i] = data.Norms[row];
            }

            NearestCenters.Assign(batch, batchNorms, 0, batchSize, d, centers!, centerNorms, k, labels, distances, scratch);
            Array.Clear(sums);
            Array.Clear(counts);
            double batchInertia = 0;
            for (var i = 0; i < batchSize; i++)
            {
                var c = labels[i];
                counts[c]++;
                batchInertia += distances[i];
                TensorPrimitives.Add(sums.AsSpan(c * d, d), batch.AsSpan(i * d, d), sums.AsSpan(c * d, d));
            }

            // Sculley's per-centre learning rate 1/count, applied to the batch at once: the centre becomes the
            // weighted mean of its old self and the rows it received.
            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    continue;
                }

                var center = centers.AsSpan(c * d, d);
                var total = weights[c] + counts[c];
                TensorPrimitives.Multiply(center, (float)(weights[c] / total), center);
                TensorPrimitives.MultiplyAdd(sums.AsSpan(c * d, d), (float)(1.0 / total), center, center);
                weights[c] = total;
                centerNorms[c] = TensorPrimitives.Dot(center, center);
            }

            step++;
            batchInertia /= batchSize;
            ewa = double.IsNaN(ewa) ? batchInertia : (ewa * (1 - alpha)) + (batchInertia * alpha);
            if (ewa < bestEwa)
            {
                bestEwa = ewa;
                stale = 0;
            }
            else if (++stale >= MiniBatchPatience)
            {
                break;
            }
        }

        // A few Lloyd passes only matter when a centre ended up empty: they re-seed it from the farthest rows.
        var final = Lloyd(data, centers!, 0);
        return final.Assignments.Distinct().Count() < k ? Lloyd(data, centers!, 3) with { Iterations = step } : final with { Iterations = step };
    }

    /// <summary>Lloyd iterations from <paramref name="centers"/> (modified); 0 iterations only assigns.</summary>
    private KMeansModel Lloyd(KMeansData data, float[] centers, int maximumIterations)
    {
        var k = _options.NumberOfClusters;
        var d = data.Dimensions;
        var labels = new int[data.Rows];
        Array.Fill(labels, -1);
        var squared = new float[data.Rows];
        var centerNorms = Norms(centers, k, d);
        var sums = new float[k * d];
        var counts = new int[k];
        var (inertia, _) = data.AssignAndAccumulate(centers, centerNorms, k, labels, squared, sums, counts);
        var iterations = 0;
        while (iterations < maximumIterations)
        {
            var relocated = UpdateCenters(data, centers, sums, counts, labels, squared, k);
            centerNorms = Norms(centers, k, d);
            iterations++;
            var previous = inertia;
            (inertia, var changed) = data.AssignAndAccumulate(centers, centerNorms, k, labels, squared, sums, counts);
            if (changed == 0 && !relocated)
            {
                break;
            }

            if (!relocated && previous - inertia <= _options.OptimizationTolerance * inertia)
            {
                break;
            }
        }

        var distances = new float[data.Rows];
        TensorPrimitives.Sqrt(squared, distances);
        return new KMeansModel
        {
            Centroids = new VectorMatrix(centers, k, d),
            Assignments = labels,
            Distances = distances,
            Inertia = data.ExactInertia(centers, labels),
            Iterations = iterations,
        };
    }

    /// <summary>Centres become the means of their rows; an empty cluster takes the farthest row still free.</summary>
    private static bool UpdateCenters(KMeansData data, float[] centers, float[] sums, int[] counts, int[] labels, float[] squared, int k)
    {
        var d = data.Dimensions;
        var relocated = false;
        int[]? farthest = null;
        var next = 0;
        for (var c = 0; c < k; c++)
        {
            if (counts[c] > 0)
            {
                continue;
            }

            if (farthest is null)
            {
                farthest = Enumerable.Range(0, data.Rows).ToArray();
                Array.Sort(farthest, (a, b) => squared[a] != squared[b] ? squared[b].CompareTo(squared[a]) : a.CompareTo(b));
            }

            while (next < farthest.Length && counts[labels[farthest[next]]] <= 1)
            {
                next++;
            }

            if (next == farthest.Length)
            {
                continue;
            }

            var row = farthest[next++];
            var old = labels[row];
            var x = data.Source.Row(row);
            TensorPrimitives.Subtract(sums.AsSpan(old * d, d), x, sums.AsSpan(old * d, d));
            counts[old]--;
            x.CopyTo(sums.AsSpan(c * d, d));
            counts[c] = 1;
            labels[row] = c;
            squared[row] = 0f;
            relocated = true;
        }

        for (var c = 0; c < k; c++)
        {
            if (counts[c] > 0)
            {
                TensorPrimitives.Divide(sums.AsSpan(c * d, d), counts[c], centers.AsSpan(c * d, d));
            }
        }

        return relocated;
    }

    private float[] Initialize(KMeansData data, Random random)
    {
        var k = _options.NumberOfClusters;
        if (_options.InitializationAlgorithm == KMeansInitialization.Random)
        {
            var rows = Sample(random, data.Rows, k);
            return data.Source.Select(rows).Data;
        }

        return KMeansPlusPlus(data, k, random);
    }

    /// <summary>
    /// k-means++ with greedy local trials (Arthur and Vassilvitskii 2007; scikit-learn's variant): each new centre
    /// is the best of 2 + ⌊ln k⌋ candidates drawn in proportion to squared distance, best meaning lowest potential.
    /// </summary>
    private static float[] KMeansPlusPlus(KMeansData data, int k, Random random)
    {
        var n = data.Rows;
        var d = data.Dimensions;
        var trials = 2 + (int)Math.Log(k);
        var centers = new float[k * d];
        var first = random.Next(n);
        data.Source.Row(first).CopyTo(centers.AsSpan(0, d));
        var closest = new float[n];
        data.Distances(centers.AsSpan(0, d).ToArray(), [data.Norms[first]], 1, closest);
        var potential = Sum(closest);
        var cumulative = new double[n];
        var candidates = new float[trials * d];
        var candidateNorms = new float[trials];
        var candidateRows = new int[trials];
        var candidateDistances = new float[n * trials];
        for (var c = 1; c < k; c++)
        {
            data.CancellationToken.ThrowIfCancellationRequested();
            double running = 0;
            for (var i = 0; i < n; i++)
            {
                running += closest[i];
                cumulative[i] = running;
            }

            for (var t = 0; t < trials; t++)
            {
                var target = random.NextDouble() * potential;
                var index = Array.BinarySearch(cumulative, target);
                index = index >= 0 ? index + 1 : ~index;
                candidateRows[t] = Math.Min(index, n - 1);
                data.Source.Row(candidateRows[t]).CopyTo(candidates.AsSpan(t * d, d));
                candidateNorms[t] = data.Norms[candidateRows[t]];
            }

            data.Distances(candidates, candidateNorms, trials, candidateDistances);
            var potentials = data.CandidatePotentials(closest, candidateDistances, trials);
            var best = 0;
            for (var t = 1; t < trials; t++)
            {
                if (potentials[t] < potentials[best])
                {
                    best = t;
                }
            }

            potential = potentials[best];
            for (var i = 0; i < n; i++)
            {
                closest[i] = Math.Min(closest[i], candidateDistances[(i * trials) + best]);
            }

            candidates.AsSpan(best * d, d).CopyTo(centers.AsSpan(c * d, d));
        }

        return centers;
    }

    internal static int[] Sample(Random random, int population, int count)
    {
        // Partial Fisher–Yates: deterministic for the generator's state, without replacement.
        var pool = Enumerable.Range(0, population).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, population);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var sample = pool.AsSpan(0, count).ToArray();
        Array.Sort(sample);
        return sample;
    }

    internal static float[] Norms(float[] centers, int k, int d)
    {
        var norms = new float[k];
        for (var c = 0; c < k; c++)
        {
            var center = centers.AsSpan(c * d, d);
            norms[c] = TensorPrimitives.Dot(center, center);
        }

        return norms;
    }

    private static double Sum(float[] values)
    {
        double total = 0;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }
}
