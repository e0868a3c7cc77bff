using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Core.Search;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// <c>similar STORE QUERIES [N]</c>: similar-case search in process, one thread, split into its parts (embedding the
/// query, the two filtered index scans, the whole search), to tell where an HTTP request's time goes.
/// </summary>
internal static class SimilarBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var store = KnowledgeStore.Open(args[1]);
        var queries = File.ReadAllLines(args[2]).Select(Uri.UnescapeDataString).ToList();
        var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;
        var search = AnalysisStore.OpenSearch(store) ?? throw new InvalidOperationException("the store has no analysis");
        var repository = new VectorRepository(store);
        using var stream = new MemoryStream(repository.LoadModel(AnalysisStore.ModelName)!);
        var model = KnowledgeLoop.Core.Embeddings.LsaModel.Load(stream);
        var index = repository.LoadIndex(AnalysisStore.TicketSpace)!;
        var success = new VectorFilter(Outcomes: new HashSet<string>(StringComparer.Ordinal) { "success" });
        var successItems = repository.ReadSpace(AnalysisStore.TicketSpace).Where(i => i.Payload.Outcome == "success").ToList();
        var buildClock = Stopwatch.StartNew();
        var partition = VectorIndexFactory.Build(model.Dimensions, successItems);
        var buildSeconds = buildClock.Elapsed.TotalSeconds;

        for (var i = 0; i < 20; i++)
        {
            await search.SearchAsync(queries[i % queries.Count], 5);
        }

        var embed = new List<double>();
        var scan = new List<double>();
        var scanUnfiltered = new List<double>();
        var whole = new List<double>();
        var graph = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var text = queries[i % queries.Count];
            var t0 = Stopwatch.GetTimestamp();
            var vector = model.Transform([text]).RowMemory(0);
            var t1 = Stopwatch.GetTimestamp();
            index.Search(vector.Span, 5, success);
            var t2 = Stopwatch.GetTimestamp();
            index.Search(vector.Span, 5);
            var t3 = Stopwatch.GetTimestamp();
            await search.SearchAsync(text, 5);
            var t4 = Stopwatch.GetTimestamp();
            await partition.SearchAsync(vector, 5);
            var t5 = Stopwatch.GetTimestamp();
            graph.Add(Stopwatch.GetElapsedTime(t4, t5).TotalMilliseconds);
            embed.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
            scan.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
            scanUnfiltered.Add(Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
            whole.Add(Stopwatch.GetElapsedTime(t3, t4).TotalMilliseconds);
        }

        // The search breadth per request: recall@k of the success partition's graph against the exact filtered scan,
        // and the time of one search, for the configured efSearch and narrower ones.
        var breadth = new Dictionary<string, object>();
        if (partition is HnswVectorIndex hnsw)
        {
            foreach (var (k, ef) in new[] { (5, 64), (5, 40), (5, 32), (5, 20), (10, 64), (10, 40), (10, 32) })
            {
                var found = 0;
                var times = new List<double>();
                for (var i = 0; i < count; i++)
                {
                    var vector = model.Transform([queries[i % queries.Count]]).RowMemory(0);
                    var exact = index.Search(vector.Span, k, success).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
                    var t0 = Stopwatch.GetTimestamp();
                    var hits = hnsw.Search(vector.Span, k, null, ef);
                    times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    found += hits.Count(h => exact.Contains(h.Id));
                }

                breadth[string.Create(CultureInfo.InvariantCulture, $"k{k}_ef{ef}")] = new { recall = Math.Round(found / (double)(count * k), 4), p50_ms = P(times, 50) };
            }
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            model.Transform([queries[i % queries.Count]]);
        }

        var embedBytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count;

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["embed_query_allocated_bytes"] = embedBytes,
            ["success_partition_breadth"] = breadth,
            ["bench"] = "similar-in-process",
            ["tickets"] = index.Count,
            ["dimensions"] = index.Dimensions,
            ["queries"] = count,
            ["embed_query_p50_ms"] = P(embed, 50),
            ["scan_filtered_p50_ms"] = P(scan, 50),
            ["scan_unfiltered_p50_ms"] = P(scanUnfiltered, 50),
            ["success_partition"] = successItems.Count,
            ["success_partition_index"] = partition.GetType().Name,
            ["success_partition_build_seconds"] = Math.Round(buildSeconds, 2),
            ["success_partition_search_p50_ms"] = P(graph, 50),
            ["search_exact_filtered_p50_ms"] = P(whole, 50),
            ["search_exact_filtered_p99_ms"] = P(whole, 99),
        }));
        return 0;
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, sorted.Count * percentile / 100)], 3);
    }
}
