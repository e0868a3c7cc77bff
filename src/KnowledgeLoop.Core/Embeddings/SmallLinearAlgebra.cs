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

    /// <summary>
    /// Eigenvalues (descending) and eigenvectors (columns of an n × n row-major matrix) of a symmetric matrix:
    /// Householder reduction to tridiagonal form, then the implicit QL algorithm (tred2 and tql2 of EISPACK, as in
    /// JAMA). O(n³) with a small constant: a few tens of milliseconds for n = 272, where cyclic Jacobi took seconds.
    /// </summary>
    public static (double[] Values, double[] Vectors) SymmetricEigen(double[] matrix, int n)
    {
        var v = new double[n][];
        for (var i = 0; i < n; i++)
        {
            v[i] = matrix.AsSpan(i * n, n).ToArray();
        }

        var d = new double[n];
        var e = new double[n];
        Tridiagonalize(v, d, e, n);

        // The QL rotations touch two columns of V at a time: work on Vᵀ, whose rows they are, for contiguous access.
        var vt = new double[n][];
        for (var i = 0; i < n; i++)
        {
            vt[i] = new double[n];
            for (var k = 0; k < n; k++)
            {
                vt[i][k] = v[k][i];
            }
        }

        TridiagonalQl(vt, d, e, n);
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var byValue = d[y].CompareTo(d[x]);
            return byValue != 0 ? byValue : x.CompareTo(y);
        });

        var values = new double[n];
        var vectors = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            values[j] = d[order[j]];
            var column = vt[order[j]];
            for (var i = 0; i < n; i++)
            {
                vectors[i * n + j] = column[i];
            }
        }

        return (values, vectors);
    }

    /// <summary>Householder reduction of the symmetric matrix in <paramref name="v"/> (replaced by the transformation); d and e get the diagonal and off-diagonal.</summary>
    private static void Tridiagonalize(double[][] v, double[] d, double[] e, int n)
    {
        for (var j = 0; j < n; j++)
        {
            d[j] = v[n - 1][j];
        }

        for (var i = n - 1; i > 0; i--)
        {
            var scale = 0.0;
            var h = 0.0;
            for (var k = 0; k < i; k++)
            {
                scale += Math.Abs(d[k]);
            }

            if (scale == 0.0)
            {
                e[i] = d[i - 1];
                for (var j = 0; j < i; j++)
                {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                    v[j][i] = 0.0;
                }
            }
            else
            {
                for (var k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }

                var f = d[i - 1];
                var g = Math.Sqrt(h);
                if (f > 0)
                {
                    g = -g;
                }

                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (var j = 0; j < i; j++)
                {
                    e[j] = 0.0;
                }

                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (var k = j + 1; k <= i - 1; k++)
                    {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }

                    e[j] = g;
                }

                f = 0.0;
                for (var j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }

                var hh = f / (h + h);
                for (var j = 0; j < i; j++)
                {
                    e[j] -= hh * d[j];
                }

                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    for (var k = j; k <= i - 1; k++)
                    {
                        v[k][j] -= f * e[k] + g * d[k];
                    }

                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                }
            }

            d[i] = h;
        }

        for (var i = 0; i < n - 1; i++)
        {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1.0;
            var h = d[i + 1];
            if (h != 0.0)
            {
                for (var k = 0; k <= i; k++)
                {
                    d[k] = v[k][i + 1] / h;
                }

                for (var j = 0; j <= i; j++)
                {
                    var g = 0.0;
                    for (var k = 0; k <= i; k++)
                    {
                        g += v[k][i + 1] * v[k][j];
                    }

                    for (var k = 0; k <= i; k++)
                    {
                        v[k][j] -= g * d[k];
                    }
                }
            }

            for (var k = 0; k <= i; k++)
            {
                v[k][i + 1] = 0.0;
            }
        }

        for (var j = 0; j < n; j++)
        {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0.0;
        }

        v[n - 1][n - 1] = 1.0;
        e[0] = 0.0;
    }

    /// <summary>Implicit QL iterations on the tridiagonal (d, e); <paramref name="vt"/> holds the transformation transposed (row i = column i).</summary>
    private static void TridiagonalQl(double[][] vt, double[] d, double[] e, int n)
    {
        for (var i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }

        e[n - 1] = 0.0;
        var f = 0.0;
        var tst1 = 0.0;
        var eps = Math.Pow(2.0, -52.0);
        for (var l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            var m = l;
            while (m < n)
            {
                if (Math.Abs(e[m]) <= eps * tst1)
                {
                    break;
                }

                m++;
            }

            if (m > l)
            {
                var iterations = 0;
                do
                {
                    if (++iterations > 200)
                    {
                        throw new InvalidOperationException("The eigenvalue iteration did not converge.");
                    }

                    var g = d[l];
                    var p = (d[l + 1] - g) / (2.0 * e[l]);
                    var r = Hypot(p, 1.0);
                    if (p < 0)
                    {
                        r = -r;
                    }

                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    var dl1 = d[l + 1];
                    var h = g - d[l];
                    for (var i = l + 2; i < n; i++)
                    {
                        d[i] -= h;
                    }

                    f += h;
                    p = d[m];
                    var c = 1.0;
                    var c2 = c;
                    var c3 = c;
                    var el1 = e[l + 1];
                    var s = 0.0;
                    var s2 = 0.0;
                    for (var i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        var row = vt[i];
                        var next = vt[i + 1];
                        for (var k = 0; k < n; k++)
                        {
                            h = next[k];
                            next[k] = s * row[k] + c * h;
                            row[k] = c * row[k] - s * h;
                        }
                    }

                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }

            d[l] += f;
            e[l] = 0.0;
        }
    }

    private static double Hypot(double a, double b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (a == 0)
        {
            return 0;
        }

        var ratio = b / a;
        return a * Math.Sqrt(1 + ratio * ratio);
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
