using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// The rows being clustered, their squared norms, and the parallel passes over them. Rows are cut into chunks
/// whose size depends on the row count only; each chunk's partial sums are reduced in chunk order, so results
/// are identical whatever the thread count or timing.
/// </summary>
internal sealed class KMeansData
{
    private const int MinimumChunkRows = 1024;
    private const int MaximumChunks = 64;

    private float[][]? _partialSums;
    private int[][]? _partialCounts;

    public KMeansData(VectorMatrix source, int? threads, CancellationToken cancellationToken)
    {
        Source = source;
        Norms = DotKernel.SquaredNorms(source);
        CancellationToken = cancellationToken;
        ChunkRows = Math.Max(MinimumChunkRows, (source.Rows + MaximumChunks - 1) / MaximumChunks);
        ChunkCount = Math.Max(1, (source.Rows + ChunkRows - 1) / ChunkRows);
        Parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
    }

    public VectorMatrix Source { get; }

    public float[] Norms { get; }

    public int Rows => Source.Rows;

    public int Dimensions => Source.Dimensions;

    public CancellationToken CancellationToken { get; }

    private int ChunkRows { get; }

    private int ChunkCount { get; }

    private ParallelOptions Parallel { get; }

    /// <summary>Labels and squared distances of every row; returns the inertia.</summary>
    public double Assign(float[] centers, float[] centerNorms, int k, int[] labels, float[] squared)
    {
        var partial = new double[ChunkCount];
        System.Threading.Tasks.Parallel.For(0, ChunkCount, Parallel, chunk =>
        {
            var (start, count) = Range(chunk);
            var scratch = new float[NearestCenters.BlockRows * k];
            NearestCenters.Assign(
                Source.Data, Norms, start, count, Dimensions, centers, centerNorms, k,
                labels.AsSpan(start, count), squared.AsSpan(start, count), scratch);
            partial[chunk] = SumDouble(squared.AsSpan(start, count));
        });
        return SumInOrder(partial);
    }

    /// <summary>
    /// The inertia of <paramref name="labels"/> under <paramref name="centers"/>, from each row's difference to its centre
    /// summed in double: the assignment pass's ‖x‖² + ‖c‖² − 2x·c in float is what chooses the nearest centre, but its
    /// rounding (a few 1e-6 per row, not all of one sign) would decide which of two nearly equal optima looks lower.
    /// </summary>
    public double ExactInertia(float[] centers, int[] labels)
    {
        var d = Dimensions;
        var partial = new double[ChunkCount];
        System.Threading.Tasks.Parallel.For(0, ChunkCount, Parallel, chunk =>
        {
            var (start, count) = Range(chunk);
            var difference = new float[d];
            double total = 0;
            for (var i = start; i < start + count; i++)
            {
                TensorPrimitives.Subtract(Source.Data.AsSpan(i * d, d), centers.AsSpan(labels[i] * d, d), difference);
                for (var j = 0; j < d; j++)
                {
                    total += (double)difference[j] * difference[j];
                }
            }

            partial[chunk] = total;
        });
        return SumInOrder(partial);
    }

    /// <summary>
    /// Assigns every row, then fills <paramref name="sums"/> and <paramref name="counts"/> with each cluster's
    /// row sum and size; returns the inertia and how many labels changed.
    /// </summary>
    public (double Inertia, int Changed) AssignAndAccumulate(
        float[] centers, float[] centerNorms, int k, int[] labels, float[] squared, float[] sums, int[] counts)
    {
        var d = Dimensions;
        var partialInertia = new double[ChunkCount];
        var partialChanged = new int[ChunkCount];
        if (_partialSums is null || _partialSums[0].Length != k * d)
        {
            // Reused across iterations: one k × d block per chunk would otherwise be garbage every iteration.
            _partialSums = new float[ChunkCount][];
            _partialCounts = new int[ChunkCount][];
            for (var chunk = 0; chunk < ChunkCount; chunk++)
            {
                _partialSums[chunk] = new float[k * d];
                _partialCounts[chunk] = new int[k];
            }
        }

        var partialSums = _partialSums;
        var partialCounts = _partialCounts!;
        System.Threading.Tasks.Parallel.For(0, ChunkCount, Parallel, chunk =>
        {
            var (start, count) = Range(chunk);
            var scratch = new float[NearestCenters.BlockRows * k];
            var newLabels = new int[count];
            NearestCenters.Assign(
                Source.Data, Norms, start, count, d, centers, centerNorms, k,
                newLabels, squared.AsSpan(start, count), scratch);
            var chunkSums = partialSums[chunk];
            var chunkCounts = partialCounts[chunk];
            Array.Clear(chunkSums);
            Array.Clear(chunkCounts);
            var changed = 0;
            for (var i = 0; i < count; i++)
            {
                var c = newLabels[i];
                if (labels[start + i] != c)
                {
                    changed++;
                    labels[start + i] = c;
                }

                chunkCounts[c]++;
                var target = chunkSums.AsSpan(c * d, d);
                TensorPrimitives.Add(target, Source.Data.AsSpan((start + i) * d, d), target);
            }

            partialInertia[chunk] = SumDouble(squared.AsSpan(start, count));
            partialChanged[chunk] = changed;
        });

        Array.Clear(sums);
        Array.Clear(counts);
        var changedTotal = 0;
        for (var chunk = 0; chunk < ChunkCount; chunk++)
        {
            TensorPrimitives.Add(sums, partialSums[chunk], sums);
            for (var c = 0; c < k; c++)
            {
                counts[c] += partialCounts[chunk][c];
            }

            changedTotal += partialChanged[chunk];
        }

        return (SumInOrder(partialInertia), changedTotal);
    }

    /// <summary>Squared distances of every row to each of <paramref name="centerCount"/> centres, row-major.</summary>
    public void Distances(float[] centers, float[] centerNorms, int centerCount, float[] output)
    {
        System.Threading.Tasks.Parallel.For(0, ChunkCount, Parallel, chunk =>
        {
            var (start, count) = Range(chunk);
            NearestCenters.SquaredDistances(
                Source.Data, Norms, start, count, Dimensions, centers, centerNorms, centerCount,
                output.AsSpan(start * centerCount, count * centerCount));
        });
    }

    /// <summary>For each candidate t: Σᵢ min(closestᵢ, candidateDistances[i, t]), the k-means++ potential if t were added.</summary>
    public double[] CandidatePotentials(float[] closest, float[] candidateDistances, int trials)
    {
        var partial = new double[ChunkCount * trials];
        System.Threading.Tasks.Parallel.For(0, ChunkCount, Parallel, chunk =>
        {
            var (start, count) = Range(chunk);
            for (var t = 0; t < trials; t++)
            {
                double total = 0;
                for (var i = start; i < start + count; i++)
                {
                    total += Math.Min(closest[i], candidateDistances[(i * trials) + t]);
                }

                partial[(chunk * trials) + t] = total;
            }
        });

        var potentials = new double[trials];
        for (var chunk = 0; chunk < ChunkCount; chunk++)
        {
            for (var t = 0; t < trials; t++)
            {
                potentials[t] += partial[(chunk * trials) + t];
            }
        }

        return potentials;
    }

    private (int Start, int Count) Range(int chunk)
    {
        var start = chunk * ChunkRows;
        return (start, Math.Min(ChunkRows, Rows - start));
    }

    private static double SumDouble(ReadOnlySpan<float> values)
    {
        double total = 0;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    private static double SumInOrder(double[] values)
    {
        double total = 0;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }
}
