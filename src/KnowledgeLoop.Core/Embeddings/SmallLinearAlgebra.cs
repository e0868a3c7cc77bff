namespace KnowledgeLoop.Core.Embeddings;

/// <summary>The small dense problems of the randomized SVD ((k+p) × (k+p), in double): pivoted Cholesky and a symmetric eigensolver.</summary>
internal static class SmallLinearAlgebra
{
    /// <summary>
    /// Factors the Gram matrix G = Yᵀ·Y with a pivoted Cholesky and returns T (n × rank) such that Y·T has orthonormal
    /// columns. Columns whose remaining norm falls below <paramref name="relativeTolerance"/> of the largest are
    /// dropped (they are numerically in the span of the others), so rank-deficient input is fine.
    /// </summary>
    public static (double[] Transform, int Rank) OrthonormalizingTransform(double[] gram, int n, double relativeTolerance)
    {
        var a = (double[])gram.Clone();
        var r = new double[n * n];
        var permutation = new int[n];
        for (var i = 0; i < n; i++)
        {
            permutation[i] = i;
        }

        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            largest = Math.Max(largest, a[i * n + i]);
        }

        var rank = 0;
        var threshold = largest * relativeTolerance;
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            for (var i = k + 1; i < n; i++)
            {
                if (a[i * n + i] > a[pivot * n + pivot])
                {
                    pivot = i;
                }
            }

            if (!(a[pivot * n + pivot] > threshold))
            {
                break;
            }

            if (pivot != k)
            {
                SwapSymmetric(a, n, k, pivot);
                (permutation[k], permutation[pivot]) = (permutation[pivot], permutation[k]);
                for (var i = 0; i < k; i++)
                {
                    (r[i * n + k], r[i * n + pivot]) = (r[i * n + pivot], r[i * n + k]);
                }
            }

            var diagonal = Math.Sqrt(a[k * n + k]);
            r[k * n + k] = diagonal;
            for (var j = k + 1; j < n; j++)
            {
                r[k * n + j] = a[k * n + j] / diagonal;
            }

            for (var i = k + 1; i < n; i++)
            {
                var rki = r[k * n + i];
                for (var j = i; j < n; j++)
                {
                    a[i * n + j] -= rki * r[k * n + j];
                    a[j * n + i] = a[i * n + j];
                }
            }

            rank++;
        }

        // Inverse of the leading rank × rank upper triangle, by back substitution per column.
        var inverse = new double[rank * rank];
        for (var column = 0; column < rank; column++)
        {
            for (var i = column; i >= 0; i--)
            {
                var sum = i == column ? 1.0 : 0.0;
                for (var j = i + 1; j <= column; j++)
                {
                    sum -= r[i * n + j] * inverse[j * rank + column];
                }

                inverse[i * rank + column] = sum / r[i * n + i];
            }
        }

        var transform = new double[n * rank];
        for (var i = 0; i < rank; i++)
        {
            Array.Copy(inverse, i * rank, transform, permutation[i] * rank, rank);
        }

        return (transform, rank);
    }

    /// <summary>Eigenvalues (descending) and eigenvectors (columns of an n × n row-major matrix) of a symmetric matrix, by cyclic Jacobi.</summary>
    public static (double[] Values, double[] Vectors) SymmetricEigen(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        var v = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            v[i * n + i] = 1;
        }

        var scale = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            scale += a[i] * a[i];
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p * n + q] * a[p * n + q];
                }
            }

            if (off <= 1e-30 * scale || off == 0)
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[p * n + q];
                    if (Math.Abs(apq) <= 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k * n + p];
                        var akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p * n + k];
                        var aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }

                    a[p * n + q] = 0;
                    a[q * n + p] = 0;
                    for (var k = 0; k < n; k++)
                    {
                        var vkp = v[k * n + p];
                        var vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var byValue = a[y * n + y].CompareTo(a[x * n + x]);
            return byValue != 0 ? byValue : x.CompareTo(y);
        });

        var values = new double[n];
        var vectors = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            values[j] = a[order[j] * n + order[j]];
            for (var i = 0; i < n; i++)
            {
                vectors[i * n + j] = v[i * n + order[j]];
            }
        }

        return (values, vectors);
    }

    private static void SwapSymmetric(double[] a, int n, int x, int y)
    {
        for (var k = 0; k < n; k++)
        {
            (a[x * n + k], a[y * n + k]) = (a[y * n + k], a[x * n + k]);
        }

        for (var k = 0; k < n; k++)
        {
            (a[k * n + x], a[k * n + y]) = (a[k * n + y], a[k * n + x]);
        }
    }
}
