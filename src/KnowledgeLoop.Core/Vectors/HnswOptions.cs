using System.Globalization;

namespace KnowledgeLoop.Core.Vectors;

/// <summary>Settings of <see cref="HnswVectorIndex"/>, named as in the HNSW paper (Malkov and Yashunin 2018) and hnswlib.</summary>
public sealed class HnswOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hnsw";

    /// <summary>Links per node on the upper layers (twice as many on the bottom layer). Defaults to 16.</summary>
    public int M { get; set; } = 16;

    /// <summary>Candidates kept while inserting: higher builds slower and finds better links. Defaults to 200.</summary>
    public int EfConstruction { get; set; } = 200;

    /// <summary>Candidates kept while searching (at least the number of results asked for): higher is slower and more accurate. Defaults to 64.</summary>
    public int EfSearch { get; set; } = 64;

    /// <summary>Seed of the node levels: the same inserts in the same order give the same graph on one thread. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Threads used to insert a batch of vectors; the graph differs slightly between thread counts. Defaults to null: all processors.</summary>
    public int? BuildThreads { get; set; }

    /// <summary>
    /// A filtered search whose filter passes fewer than this share of the items scans them exactly instead of walking the
    /// graph (a walk would visit most of the graph to find them). Defaults to 0.05.
    /// </summary>
    public double ExactFilterFraction { get; set; } = 0.05;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(M is >= 2 and <= 256, nameof(M), M);
        Require(EfConstruction >= 1, nameof(EfConstruction), EfConstruction);
        Require(EfSearch >= 1, nameof(EfSearch), EfSearch);
        Require(BuildThreads is null or >= 1, nameof(BuildThreads), BuildThreads ?? 0);
        Require(ExactFilterFraction is >= 0 and <= 1, nameof(ExactFilterFraction), ExactFilterFraction);
    }

    /// <summary>A copy, so callers can vary one setting without touching the original.</summary>
    public HnswOptions Clone() => (HnswOptions)MemberwiseClone();

    private static void Require(bool condition, string name, double value)
    {
        if (!condition)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Hnsw:{name} is out of range (was {value})."), name);
        }
    }
}
