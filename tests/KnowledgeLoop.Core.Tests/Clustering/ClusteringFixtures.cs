using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Clustering;

/// <summary>Seeded synthetic points: Gaussian blobs around known centres.</summary>
internal static class ClusteringFixtures
{
    /// <summary>
    /// <paramref name="perBlob"/> points around each centre with Gaussian noise of <paramref name="spread"/>;
    /// rows are grouped blob by blob, the labels say which.
    /// </summary>
    public static (VectorMatrix Points, int[] Labels) Blobs(float[][] centres, int perBlob, float spread, int seed)
    {
        var random = new Random(seed);
        var d = centres[0].Length;
        var points = new VectorMatrix(centres.Length * perBlob, d);
        var labels = new int[points.Rows];
        for (var c = 0; c < centres.Length; c++)
        {
            for (var p = 0; p < perBlob; p++)
            {
                var row = points.Row((c * perBlob) + p);
                for (var j = 0; j < d; j++)
                {
                    row[j] = centres[c][j] + (spread * Gaussian(random));
                }

                labels[(c * perBlob) + p] = c;
            }
        }

        return (points, labels);
    }

    /// <summary>Blobs around the corners of a regular polygon of radius 10 in the plane.</summary>
    public static (VectorMatrix Points, int[] Labels) PlaneBlobs(int count, int perBlob, float spread = 0.5f, int seed = 7)
    {
        var centres = Enumerable.Range(0, count)
            .Select(c => new[] { 10f * MathF.Cos(2 * MathF.PI * c / count), 10f * MathF.Sin(2 * MathF.PI * c / count) })
            .ToArray();
        return Blobs(centres, perBlob, spread, seed);
    }

    /// <summary>Unit-length blobs in <paramref name="dimensions"/> dimensions around random unit centres (embeddings-like).</summary>
    public static (VectorMatrix Points, int[] Labels) SphereBlobs(int count, int perBlob, int dimensions, float spread, int seed)
    {
        var random = new Random(seed);
        var centres = new float[count][];
        for (var c = 0; c < count; c++)
        {
            centres[c] = [.. Enumerable.Range(0, dimensions).Select(_ => Gaussian(random))];
            TensorPrimitives.Divide(centres[c], TensorPrimitives.Norm(centres[c]), centres[c]);
        }

        var (points, labels) = Blobs(centres, perBlob, spread, seed + 1);
        points.NormalizeRows();
        return (points, labels);
    }

    public static float Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
