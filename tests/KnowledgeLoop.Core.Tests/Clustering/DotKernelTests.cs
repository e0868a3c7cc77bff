using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using KnowledgeLoop.Core.Clustering;

namespace KnowledgeLoop.Core.Tests.Clustering;

public class DotKernelTests
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(7, 5, 32)]
    [InlineData(4, 2, 16)]
    [InlineData(1, 1, 48)]
    [InlineData(9, 3, 5)]
    public void Dots_EveryPath_MatchesPairwiseDotProducts(int rows, int centers, int dimensions)
    {
        var random = new Random(rows * 100 + centers);
        var x = Enumerable.Range(0, rows * dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var c = Enumerable.Range(0, centers * dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var expected = new float[rows * centers];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < centers; j++)
            {
                expected[(i * centers) + j] = TensorPrimitives.Dot(x.AsSpan(i * dimensions, dimensions), c.AsSpan(j * dimensions, dimensions));
            }
        }

        var actual = new float[rows * centers];
        DotKernel.Dots(x, rows, c, centers, dimensions, actual);
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) <= Tolerance);

        if (Vector256.IsHardwareAccelerated && dimensions % 8 == 0)
        {
            Array.Clear(actual);
            DotKernel.Dots256(x, rows, c, centers, dimensions, actual);
            Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) <= Tolerance);
        }

        if (Vector512.IsHardwareAccelerated && dimensions % 16 == 0)
        {
            Array.Clear(actual);
            DotKernel.Dots512(x, rows, c, centers, dimensions, actual);
            Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) <= Tolerance);
        }
    }
}
