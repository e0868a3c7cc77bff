using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Embeddings;

public sealed class DenseKernelsTests
{
    private const float Tolerance = 1e-4f;
    private const double EigenTolerance = 1e-9;

    private static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }

    private static SparseMatrix RandomSparse(int rows, int columns, double density, int seed)
    {
        var random = new Random(seed);
        var pointers = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (random.NextDouble() < density)
                {
                    indices.Add(c);
                    values.Add((float)random.NextDouble());
                }
            }

            pointers[r + 1] = indices.Count;
        }

        return new SparseMatrix(rows, columns, pointers, [.. indices], [.. values]);
    }

    private static void AssertClose(float[] expected, float[] actual) =>
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Abs(a)));

    [Theory]
    [InlineData(16)]
    [InlineData(80)]
    [InlineData(272)]
    [InlineData(20)]
    public void SparseTimesDense_MatchesTheSimpleKernel(int width)
    {
        var a = RandomSparse(700, 300, 0.05, width);
        var b = Random(300 * width, width + 1);

        AssertClose(DenseKernels.MultiplySimple(a, b, width, default), DenseKernels.Multiply(a, b, width, default));
    }

    [Theory]
    [InlineData(37, 45, 80)]
    [InlineData(300, 272, 272)]
    [InlineData(9, 30, 16)]
    [InlineData(10, 12, 10)]
    public void DenseTimesSmall_MatchesTheSimpleKernel(int rows, int width, int outWidth)
    {
        var y = Random(rows * width, rows);
        var t = Random(width * outWidth, outWidth).Select(x => (double)x).ToArray();

        AssertClose(DenseKernels.MultiplySimple(y, rows, width, t, outWidth, default), DenseKernels.Multiply(y, rows, width, t, outWidth, default));
    }

    [Theory]
    [InlineData(600, 40)]
    [InlineData(256, 17)]
    [InlineData(5, 3)]
    public void GramAndCrossProduct_MatchSumsInDouble(int rows, int width)
    {
        var x = Random(rows * width, 1);
        var y = Random(rows * width, 2);

        var gram = DenseKernels.Gram(x, rows, width, default);
        var cross = DenseKernels.CrossProduct(x, y, rows, width, default);

        for (var i = 0; i < width; i++)
        {
            for (var j = 0; j < width; j++)
            {
                double xx = 0, xy = 0;
                for (var r = 0; r < rows; r++)
                {
                    xx += (double)x[r * width + i] * x[r * width + j];
                    xy += (double)x[r * width + i] * y[r * width + j];
                }

                Assert.Equal(xx, gram[i * width + j], Tolerance);
                Assert.Equal(xy, cross[i * width + j], Tolerance);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(50)]
    [InlineData(130)]
    public void SymmetricEigen_GivesOrthonormalEigenvectors_ValuesDescending(int n)
    {
        var random = new Random(n);
        var b = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[i * n + j] = b[i * n + j] + b[j * n + i];
            }
        }

        var (values, vectors) = SmallLinearAlgebra.SymmetricEigen(a, n);

        for (var j = 0; j < n; j++)
        {
            if (j > 0)
            {
                Assert.True(values[j - 1] >= values[j]);
            }

            for (var i = 0; i < n; i++)
            {
                double av = 0;
                for (var k = 0; k < n; k++)
                {
                    av += a[i * n + k] * vectors[k * n + j];
                }

                Assert.Equal(values[j] * vectors[i * n + j], av, EigenTolerance);
            }

            for (var other = 0; other < n; other++)
            {
                double dot = 0;
                for (var i = 0; i < n; i++)
                {
                    dot += vectors[i * n + j] * vectors[i * n + other];
                }

                Assert.Equal(j == other ? 1.0 : 0.0, dot, EigenTolerance);
            }
        }
    }

    [Fact]
    public void SymmetricEigen_RepeatedAndZeroEigenvalues()
    {
        // diag(3, 0, 3, 1): repeated and zero eigenvalues.
        double[] a = [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 1];

        var (values, _) = SmallLinearAlgebra.SymmetricEigen(a, 4);

        Assert.Equal([3.0, 3.0, 1.0, 0.0], values);
    }
}
