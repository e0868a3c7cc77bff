using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>
/// Truncated SVD of a sparse matrix A (documents × terms) by randomized subspace iteration (Halko, Martinsson and
/// Tropp 2011, algorithms 4.4 and 5.1) run on the term side: Q spans Aᵀ·G for a seeded Gaussian G, each power
/// iteration replaces Q by an orthonormal basis of AᵀA·Q, and the last AᵀA·Q gives the Rayleigh–Ritz problem
/// Qᵀ·AᵀA·Q, whose eigenvectors rotate Q into the right singular vectors. Only (k+p)-wide dense blocks and the
/// sparse A and Aᵀ are ever held.
/// </summary>
internal static class RandomizedSvd
{
    // Columns whose squared norm drops below this share of the largest are dependent on the others (CholeskyQR
    // in float stays accurate up to a condition number of about 1e6 when the Gram matrix is formed in double).
    private const double RankTolerance = 1e-12;

    /// <summary>The top <paramref name="k"/> right singular vectors (terms × k, row-major) and singular values.</summary>
    public static (float[] Components, float[] SingularValues) Compute(
        SparseMatrix a, SparseMatrix transposed, int k, int oversampling, int powerIterations, int seed,
        Action<double>? progress, CancellationToken cancellationToken, IDictionary<string, double>? timings = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string step)
        {
            if (timings is not null)
            {
                timings[step] = timings.TryGetValue(step, out var before) ? before + clock.Elapsed.TotalSeconds : clock.Elapsed.TotalSeconds;
            }

            clock.Restart();
        }

        var terms = a.Columns;
        // Rounded up to a multiple of 16 floats (a few more random directions, never fewer), so every dense block is
        // whole 512-bit vectors and the register-blocked kernels apply.
        var width = Math.Min((k + oversampling + 15) / 16 * 16, Math.Min(a.Rows, a.Columns));
        var steps = 1 + 2 * powerIterations;
        var done = 0;
        void Step() => progress?.Invoke(++done / (double)(steps + 1));

        var gaussian = Gaussian(a.Rows, width, seed);
        Lap("svd_gaussian");
        var y = DenseKernels.Multiply(transposed, gaussian, width, cancellationToken);
        Lap("svd_sparse_products");
        Step();
        var (q, rank) = Orthonormalize(y, terms, width, cancellationToken);
        Lap("svd_orthonormalize");
        double[] projected = [];
        for (var iteration = 0; iteration < powerIterations; iteration++)
        {
            var w = DenseKernels.Multiply(a, q, rank, cancellationToken);
            Step();
            y = DenseKernels.Multiply(transposed, w, rank, cancellationToken);
            Lap("svd_sparse_products");
            Step();
            if (iteration < powerIterations - 1)
            {
                (q, rank) = Orthonormalize(y, terms, rank, cancellationToken);
                Lap("svd_orthonormalize");
            }
            else
            {
                projected = DenseKernels.CrossProduct(q, y, terms, rank, cancellationToken);
                Lap("svd_cross_product");
            }
        }

        // Symmetrize: Qᵀ·(AᵀA·Q) is symmetric up to rounding.
        for (var i = 0; i < rank; i++)
        {
            for (var j = i + 1; j < rank; j++)
            {
                var mean = (projected[i * rank + j] + projected[j * rank + i]) / 2;
                projected[i * rank + j] = mean;
                projected[j * rank + i] = mean;
            }
        }

        var (values, vectors) = SmallLinearAlgebra.SymmetricEigen(projected, rank);
        Lap("svd_eigen");
        var kept = Math.Min(k, rank);
        while (kept > 0 && !(values[kept - 1] > values[0] * 1e-12))
        {
            kept--;
        }

        var rotation = new double[rank * kept];
        var singularValues = new float[k];
        for (var j = 0; j < kept; j++)
        {
            singularValues[j] = (float)Math.Sqrt(values[j]);
            for (var i = 0; i < rank; i++)
            {
                rotation[i * kept + j] = vectors[i * rank + j];
            }
        }

        var components = kept == 0 ? new float[terms * k] : DenseKernels.Multiply(q, terms, rank, rotation, kept, cancellationToken);
        if (kept < k)
        {
            // Fewer independent directions than dimensions: the extra dimensions stay zero, the width stays k.
            var padded = new float[terms * k];
            for (var t = 0; t < terms; t++)
            {
                components.AsSpan(t * kept, kept).CopyTo(padded.AsSpan(t * k, kept));
            }

            components = padded;
        }

        Lap("svd_rotate");
        FlipSigns(components, terms, k);
        Lap("svd_flip_signs");
        Step();
        return (components, singularValues);
    }

    private static (float[] Q, int Rank) Orthonormalize(float[] y, int rows, int width, CancellationToken cancellationToken)
    {
        // CholeskyQR2: the second pass removes what float rounding left of the first.
        var gram = DenseKernels.Gram(y, rows, width, cancellationToken);
        var (transform, rank) = SmallLinearAlgebra.OrthonormalizingTransform(gram, width, RankTolerance);
        var q = DenseKernels.Multiply(y, rows, width, transform, rank, cancellationToken);
        gram = DenseKernels.Gram(q, rows, rank, cancellationToken);
        (transform, var second) = SmallLinearAlgebra.OrthonormalizingTransform(gram, rank, RankTolerance);
        return (DenseKernels.Multiply(q, rows, rank, transform, second, cancellationToken), second);
    }

    /// <summary>Makes the largest-magnitude entry of every component positive, so signs don't depend on the start.</summary>
    private static void FlipSigns(float[] components, int rows, int k)
    {
        for (var j = 0; j < k; j++)
        {
            var best = 0f;
            for (var i = 0; i < rows; i++)
            {
                var value = components[i * k + j];
                if (Math.Abs(value) > Math.Abs(best))
                {
                    best = value;
                }
            }

            if (best < 0)
            {
                for (var i = 0; i < rows; i++)
                {
                    components[i * k + j] = -components[i * k + j];
                }
            }
        }
    }

    /// <summary>A rows × width standard normal matrix; row r depends only on (seed, r), so it is the same however it is split.</summary>
    internal static float[] Gaussian(int rows, int width, int seed)
    {
        var result = new float[(long)rows * width];
        Parallel.For(0, rows, row =>
        {
            var state = unchecked(((ulong)(uint)seed << 32) ^ (ulong)row ^ 0x9E3779B97F4A7C15UL);
            var span = result.AsSpan(row * width, width);
            for (var i = 0; i < width; i += 2)
            {
                // Box–Muller on two uniforms in (0, 1], in single precision (the test matrix only needs to be random).
                var bits = NextUInt64(ref state);
                var u1 = ((uint)bits >> 8) * (1f / (1 << 24));
                var u2 = (uint)(bits >> 40) * (1f / (1 << 24));
                var radius = MathF.Sqrt(-2f * MathF.Log(1f - u1));
                var (sin, cos) = MathF.SinCos(2f * MathF.PI * u2);
                span[i] = radius * cos;
                if (i + 1 < width)
                {
                    span[i + 1] = radius * sin;
                }
            }
        });
        return result;
    }

    private static ulong NextUInt64(ref ulong state)
    {
        // SplitMix64: tiny, fast, and good enough for a random test matrix.
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
