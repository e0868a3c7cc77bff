using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Bench.Micro;

/// <summary>Seeded inputs shared by the benchmarks: unit vectors around a few centres, like embeddings of topics.</summary>
public static class KernelData
{
    public static float[] Clustered(int rows, int dimensions, int seed)
    {
        var random = new Random(seed);
        var centres = new float[40 * dimensions];
        for (var i = 0; i < centres.Length; i++)
        {
            centres[i] = (float)Gaussian(random);
        }

        var data = new float[rows * dimensions];
        for (var r = 0; r < rows; r++)
        {
            var c = random.Next(40);
            for (var j = 0; j < dimensions; j++)
            {
                data[(r * dimensions) + j] = centres[(c * dimensions) + j] + (0.8f * (float)Gaussian(random));
            }
        }

        new VectorMatrix(data, rows, dimensions).NormalizeRows();
        return data;
    }

    public static SparseMatrix Sparse(int rows, int columns, int perRow, int seed)
    {
        var random = new Random(seed);
        var pointers = new int[rows + 1];
        var indices = new int[rows * perRow];
        var values = new float[rows * perRow];
        for (var r = 0; r < rows; r++)
        {
            var chosen = new SortedSet<int>();
            while (chosen.Count < perRow)
            {
                // Zipf-like: frequent columns are reused across rows, as terms are.
                chosen.Add((int)Math.Min(columns - 1, Math.Floor(Math.Pow(random.NextDouble(), 3) * columns)));
            }

            var p = r * perRow;
            foreach (var c in chosen)
            {
                indices[p] = c;
                values[p++] = (float)random.NextDouble();
            }

            pointers[r + 1] = p;
        }

        return new SparseMatrix(rows, columns, pointers, indices, values);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
