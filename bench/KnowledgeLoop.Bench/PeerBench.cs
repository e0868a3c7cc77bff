using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text.Json;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Vectors;

/// <summary>
/// Our side of ../shared/bench/peer_bench.py, stage for stage and with its field names: TF-IDF, SVD, L2 (our LSA),
/// mini-batch and Lloyd k-means, and nearest-neighbour search (exact batched, exact one query at a time, HNSW with
/// the peer's M, efConstruction and ef) on a database built the way the peer builds it (held-out queries, the corpus
/// vectors topped up with jittered copies to --nn-db rows). One JSON object on stdout; progress on stderr.
/// </summary>
internal static class PeerBench
{
    private static readonly Stopwatch Wall = Stopwatch.StartNew();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(string[] args)
    {
        string? Option(string name, string? fallback = null) => EmbedCluster.Option(args, name) ?? fallback;
        int Int(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture))!, CultureInfo.InvariantCulture);

        var file = args[1];
        var textColumn = Option("--text-col", "text")!;
        var labelColumn = Option("--label-col");
        var svdDim = Int("--svd-dim", 256);
        var seed = Int("--seed", 0);
        var nnQueries = Int("--nn-queries", 1000);
        var nnDb = Int("--nn-db", 100_000);
        var m = Int("--hnsw-M", 16);
        var efc = Int("--hnsw-efc", 200);
        var ef = Int("--hnsw-ef", 64);
        var topk = Int("--topk", 10);
        var singleQueries = Int("--single-queries", 200);
        var nnSource = Option("--nn-source", "svd")!;
        var skipKmeans = args.Contains("--skip-kmeans");

        var timings = new Dictionary<string, object?>();
        var sizes = new Dictionary<string, object?>();
        var quality = new Dictionary<string, object?>();
        var result = new Dictionary<string, object?>
        {
            ["tool"] = "knowledgeloop",
            ["argv"] = args,
            ["env"] = Environment(),
            ["timings_s"] = timings,
            ["sizes"] = sizes,
            ["quality"] = quality,
            ["nn"] = new Dictionary<string, object?>(),
        };

        if (args.Contains("--nn-only"))
        {
            // Search alone, on random unit vectors (no corpus): for quick A/B runs of the index kernels.
            // With --vectors FILE (raw float32 rows of --svd-dim, written by --save-vectors), the corpus vectors instead.
            var dimensions = svdDim;
            var nnOnly = (Dictionary<string, object?>)result["nn"]!;
            if (Option("--vectors") is { } vectorFile)
            {
                var raw = File.ReadAllBytes(vectorFile);
                var data = new float[raw.Length / sizeof(float)];
                Buffer.BlockCopy(raw, 0, data, 0, raw.Length);
                nnOnly["svd"] = NearestNeighbours("svd", new VectorMatrix(data, data.Length / dimensions, dimensions), seed, nnQueries, nnDb, m, efc, ef, topk, singleQueries);
            }
            else
            {
                nnOnly["random"] = NearestNeighbours("random", new VectorMatrix(1, dimensions), seed, nnQueries, nnDb, m, efc, ef, topk, singleQueries);
            }

            Console.WriteLine(JsonSerializer.Serialize(result, Indented));
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var (texts, labelNames) = EmbedCluster.ReadColumns(file, textColumn, labelColumn, 0);
        int[]? labels = null;
        if (labelNames is not null)
        {
            var ids = labelNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
            labels = [.. labelNames.Select(l => ids[l])];
        }

        timings["corpus_load_or_generate"] = Seconds(clock);
        var k = Int("--k", labels is null ? 40 : labels.Distinct().Count());
        result["corpus"] = new Dictionary<string, object?>
        {
            ["kind"] = "csv",
            ["path"] = Path.GetFullPath(file),
            ["text_col"] = textColumn,
            ["label_col"] = labelColumn,
            ["n_docs"] = texts.Count,
            ["mean_chars"] = Math.Round(texts.Average(t => t.Length), 1),
            ["n_labels"] = labels?.Distinct().Count(),
        };
        sizes["k"] = k;
        Log($"corpus: {texts.Count} docs, k={k}");

        // ---- pipeline A: TF-IDF → SVD → L2 (one LSA fit), then k-means.
        clock.Restart();
        // --unigrams: scikit-learn's feature set (single words only) instead of ours (words and adjacent pairs).
        // --bigram-fdr RATE: the phrase test's false discovery rate (1: every frequent pair, the behaviour before it).
        var options = new LsaOptions
        {
            Dimensions = svdDim,
            Seed = 42 + seed,
            UseBigrams = !args.Contains("--unigrams"),
            BigramFalseDiscoveryRate = Option("--bigram-fdr") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : new LsaOptions().BigramFalseDiscoveryRate,
        };
        var corpus = LsaModel.Tokenize(texts, options);
        var tokenize = clock.Elapsed.TotalSeconds;
        var stages = new Dictionary<string, double>();
        var fit = LsaModel.FitTransform(corpus, options, null, stages, CancellationToken.None);
        timings["tfidf_fit_transform"] = Math.Round(tokenize + stages["vocabulary"] + stages["tfidf"], 4);
        timings["svd_fit_transform"] = Math.Round(stages["transpose"] + stages["svd"] + stages["project"], 4);
        timings["l2_normalize"] = 0.0;
        timings["pipeline_A_embed_total"] = Math.Round(clock.Elapsed.TotalSeconds, 4);
        var breakdown = new Dictionary<string, double> { ["tokenize"] = Math.Round(tokenize, 4) };
        foreach (var (stage, seconds) in stages)
        {
            breakdown[stage] = Math.Round(seconds, 4);
        }

        timings["embed_breakdown"] = breakdown;
        var z = fit.Vectors;
        if (Option("--save-vectors") is { } saveTo)
        {
            var bytes = new byte[z.Data.Length * sizeof(float)];
            Buffer.BlockCopy(z.Data, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(saveTo, bytes);
        }

        sizes["tfidf_shape"] = new[] { texts.Count, fit.Model.Vocabulary.Count };
        sizes["svd_dim"] = z.Dimensions;
        Log($"embed {timings["pipeline_A_embed_total"]} s ({JsonSerializer.Serialize(timings["embed_breakdown"])})");

        clock.Restart();
        var mbk = new KMeansTrainer(new KMeansOptions
        {
            NumberOfClusters = k, Seed = seed, NumberOfRestarts = 3, Algorithm = KMeansAlgorithm.MiniBatch, MiniBatchSize = 1024,
        }).Fit(z);
        timings["minibatch_kmeans"] = Seconds(clock);
        quality["minibatch_kmeans"] = Quality(labels, mbk, new() { ["n_steps"] = mbk.Iterations, ["n_init"] = 3, ["batch_size"] = 1024 });
        Log($"minibatch kmeans {timings["minibatch_kmeans"]} s, inertia {mbk.Inertia:F1}");

        if (!skipKmeans)
        {
            clock.Restart();
            var km = new KMeansTrainer(new KMeansOptions
            {
                NumberOfClusters = k, Seed = seed, NumberOfRestarts = 1, Algorithm = KMeansAlgorithm.Lloyd,
            }).Fit(z);
            timings["kmeans"] = Seconds(clock);
            quality["kmeans"] = Quality(labels, km, new() { ["n_iter"] = km.Iterations, ["n_init"] = 1, ["algorithm"] = "lloyd, k-means++ (greedy)" });
            Log($"kmeans {timings["kmeans"]} s, inertia {km.Inertia:F1}");
        }

        var nn = (Dictionary<string, object?>)result["nn"]!;
        foreach (var source in nnSource == "both" ? new[] { "svd", "random" } : [nnSource])
        {
            nn[source] = NearestNeighbours(source, z, seed, nnQueries, nnDb, m, efc, ef, topk, singleQueries);
        }

        timings["total_wall"] = Math.Round(Wall.Elapsed.TotalSeconds, 3);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        result["peak_memory_mb"] = Math.Round(process.PeakWorkingSet64 / 1048576.0);
        ((Dictionary<string, object?>)result["env"]!)["loadavg_at_end"] = LoadAverage();
        Console.WriteLine(JsonSerializer.Serialize(result, Indented));
        return 0;
    }

    private static Dictionary<string, object?> NearestNeighbours(
        string source, VectorMatrix z, int seed, int nnQueries, int nnDb, int m, int efc, int ef, int topk, int singleQueries)
    {
        var r = new Dictionary<string, object?> { ["source"] = source };
        var t = new Dictionary<string, object?>();
        r["timings_s"] = t;
        var d = z.Dimensions;
        var random = new Random(1000 + seed);
        var clock = Stopwatch.StartNew();
        float[] db, q;
        int nq;
        if (source == "svd")
        {
            nq = Math.Min(nnQueries, Math.Max(1, z.Rows / 10));
            var perm = Enumerable.Range(0, z.Rows).ToArray();
            random.Shuffle(perm);
            q = new float[nq * d];
            for (var i = 0; i < nq; i++)
            {
                z.Row(perm[i]).CopyTo(q.AsSpan(i * d, d));
            }

            var baseRows = z.Rows - nq;
            db = new float[(long)nnDb * d];
            var sigma = (float)(0.5 / Math.Sqrt(d));
            for (var i = 0; i < nnDb; i++)
            {
                var row = db.AsSpan(i * d, d);
                if (i < baseRows)
                {
                    z.Row(perm[nq + i]).CopyTo(row);
                }
                else
                {
                    z.Row(perm[nq + random.Next(baseRows)]).CopyTo(row);
                    for (var j = 0; j < d; j++)
                    {
                        row[j] += sigma * (float)Gaussian(random);
                    }
                }
            }

            r["db_construction"] = baseRows >= nnDb
                ? "held-out split of corpus SVD vectors"
                : $"{baseRows} corpus SVD vectors + {nnDb - baseRows} jittered copies (gaussian, sigma=0.5/sqrt(d)), renormalised";
            r["query_construction"] = "held-out corpus docs (not in DB)";
        }
        else
        {
            nq = nnQueries;
            db = new float[(long)nnDb * d];
            q = new float[nq * d];
            for (var i = 0; i < db.Length; i++)
            {
                db[i] = (float)Gaussian(random);
            }

            for (var i = 0; i < q.Length; i++)
            {
                q[i] = (float)Gaussian(random);
            }

            new VectorMatrix(q, nq, d).NormalizeRows();
            r["db_construction"] = "iid gaussian, L2-normalised";
            r["query_construction"] = "iid gaussian, L2-normalised";
        }

        new VectorMatrix(db, nnDb, d).NormalizeRows();
        t["data_prep"] = Seconds(clock);
        r["db_shape"] = new[] { nnDb, d };
        r["n_queries"] = nq;
        Log($"nn[{source}]: db {nnDb}x{d}, queries {nq}");

        // Exact: the batched kernel (our IndexFlatIP).
        t["faiss_flat_add"] = 0.0;
        var exactIndices = new int[nq * topk];
        var exactScores = new float[nq * topk];
        ExactSearch.TopK(db, nnDb, q, Math.Min(nq, 8), d, topk, exactIndices, exactScores); // warm-up (JIT)
        clock.Restart();
        ExactSearch.TopK(db, nnDb, q, nq, d, topk, exactIndices, exactScores);
        t["faiss_flat_search_batch"] = Seconds(clock);
        r["faiss_flat_qps_batch"] = Math.Round(nq / (double)t["faiss_flat_search_batch"]!, 1);
        var ns = Math.Min(singleQueries, nq);
        var oneIndices = new int[topk];
        var oneScores = new float[topk];
        clock.Restart();
        for (var i = 0; i < ns; i++)
        {
            ExactSearch.TopK(db, nnDb, q.AsSpan(i * d, d).ToArray(), 1, d, topk, oneIndices, oneScores);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        r["faiss_flat_single_query_ms"] = Math.Round(1000 * elapsed / ns, 3);
        r["faiss_flat_qps_single"] = Math.Round(ns / elapsed, 1);
        Log($"exact: batch qps {r["faiss_flat_qps_batch"]}, single {r["faiss_flat_single_query_ms"]} ms");

        // The embedded ExactVectorIndex one query at a time (what /api/similar uses below the HNSW threshold).
        using (var exactIndex = new ExactVectorIndex(d, nnDb))
        {
            exactIndex.Upsert(Enumerable.Range(0, nnDb).Select(i => new VectorItem(i.ToString(CultureInfo.InvariantCulture), db.AsMemory(i * d, d), Empty)));
            exactIndex.Search(q.AsSpan(0, d), topk);
            clock.Restart();
            for (var i = 0; i < ns; i++)
            {
                exactIndex.Search(q.AsSpan(i * d, d), topk);
            }

            r["exact_index_single_query_ms"] = Math.Round(1000 * clock.Elapsed.TotalSeconds / ns, 3);
        }

        // HNSW, with the peer's parameters and both cores for the build.
        clock.Restart();
        using var hnsw = new HnswVectorIndex(d, new HnswOptions { M = m, EfConstruction = efc, EfSearch = ef, Seed = 100 }, nnDb);
        hnsw.Upsert(Enumerable.Range(0, nnDb).Select(i => new VectorItem(i.ToString(CultureInfo.InvariantCulture), db.AsMemory(i * d, d), Payloads[i % Payloads.Length])).ToList());
        t["hnsw_build"] = Seconds(clock);
        var threads = System.Environment.ProcessorCount;
        r["hnsw_params"] = new Dictionary<string, object?>
        {
            ["M"] = m, ["ef_construction"] = efc, ["ef"] = ef, ["space"] = "ip", ["build_threads"] = threads, ["search_threads"] = threads,
        };
        var found = new int[nq][];
        void SearchAll(int efSearch, int workers)
        {
            Parallel.For(0, nq, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
            {
                var hits = hnsw.Search(q.AsSpan(i * d, d), topk, null, efSearch);
                found[i] = [.. hits.Select(h => int.Parse(h.Id, CultureInfo.InvariantCulture))];
            });
        }

        SearchAll(ef, threads); // warm-up (JIT)
        clock.Restart();
        SearchAll(ef, threads);
        t["hnsw_search_batch"] = Seconds(clock);
        r["hnsw_qps_batch"] = Math.Round(nq / (double)t["hnsw_search_batch"]!, 1);
        clock.Restart();
        for (var i = 0; i < ns; i++)
        {
            hnsw.Search(q.AsSpan(i * d, d), topk, null, ef);
        }

        elapsed = clock.Elapsed.TotalSeconds;
        r["hnsw_single_query_ms"] = Math.Round(1000 * elapsed / ns, 4);
        r["hnsw_qps_single_thread"] = Math.Round(ns / elapsed, 1);
        // Filtered single queries, as /api/similar makes them: an outcome (a third of the items; the graph walk) and a
        // category (1 in 20; below ExactFilterFraction, so an exact scan of the matching items).
        foreach (var (name, filter) in new[] { ("outcome_33pct", OutcomeFilter), ("category_5pct", CategoryFilter) })
        {
            clock.Restart();
            for (var i = 0; i < ns; i++)
            {
                hnsw.Search(q.AsSpan(i * d, d), topk, filter, ef);
            }

            r[$"hnsw_filtered_{name}_single_query_ms"] = Math.Round(1000 * clock.Elapsed.TotalSeconds / ns, 4);
        }

        clock.Restart();
        SearchAll(ef, 1);
        t["hnsw_search_batch_1thread"] = Seconds(clock);
        r["hnsw_qps_batch_1thread"] = Math.Round(nq / (double)t["hnsw_search_batch_1thread"]!, 1);
        SearchAll(ef, threads);
        r[$"hnsw_recall_at_{topk}"] = Math.Round(Recall(found, exactIndices, topk), 4);
        var sweep = new Dictionary<string, object?>();
        foreach (var e in new[] { 16, 32, 128, 256 })
        {
            clock.Restart();
            SearchAll(Math.Max(e, topk), threads);
            elapsed = clock.Elapsed.TotalSeconds;
            sweep[e.ToString(CultureInfo.InvariantCulture)] = new Dictionary<string, object?>
            {
                ["qps_batch"] = Math.Round(nq / elapsed, 1), ["recall"] = Math.Round(Recall(found, exactIndices, topk), 4),
            };
        }

        r["hnsw_ef_sweep"] = sweep;
        Log($"hnsw: build {t["hnsw_build"]} s, batch qps {r["hnsw_qps_batch"]}, recall@{topk} {r[$"hnsw_recall_at_{topk}"]}");
        return r;
    }

    private static readonly VectorPayload Empty = new();
    private static readonly VectorPayload[] Payloads = [.. Enumerable.Range(0, 60).Select(i => new VectorPayload("c" + (i % 20).ToString(CultureInfo.InvariantCulture), null, i % 3 == 0 ? "failure" : "success"))];
    private static readonly VectorFilter OutcomeFilter = new(Outcomes: new HashSet<string> { "failure" });
    private static readonly VectorFilter CategoryFilter = new(Categories: new HashSet<string> { "c7" });

    private static double Recall(int[][] found, int[] exact, int topk)
    {
        double total = 0;
        for (var i = 0; i < found.Length; i++)
        {
            var truth = exact.AsSpan(i * topk, topk);
            var hit = 0;
            foreach (var f in found[i])
            {
                if (truth.Contains(f))
                {
                    hit++;
                }
            }

            total += hit / (double)topk;
        }

        return total / found.Length;
    }

    private static Dictionary<string, object?> Quality(int[]? labels, KMeansModel model, Dictionary<string, object?> extra)
    {
        var q = new Dictionary<string, object?>();
        if (labels is not null)
        {
            q["ari"] = Math.Round(ClusterQuality.AdjustedRandIndex(labels, model.Assignments), 4);
            q["nmi"] = Math.Round(ClusterQuality.NormalizedMutualInformation(labels, model.Assignments), 4);
        }

        foreach (var (key, value) in extra)
        {
            q[key] = value;
        }

        q["inertia"] = Math.Round(model.Inertia, 3);
        return q;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double Seconds(Stopwatch clock) => Math.Round(clock.Elapsed.TotalSeconds, 4);

    private static Dictionary<string, object?> Environment() => new()
    {
        ["dotnet"] = System.Environment.Version.ToString(),
        ["cpu_count"] = System.Environment.ProcessorCount,
        ["vector512"] = Vector512.IsHardwareAccelerated,
        ["vector256"] = Vector256.IsHardwareAccelerated,
        ["server_gc"] = System.Runtime.GCSettings.IsServerGC,
        ["loadavg_at_start"] = LoadAverage(),
    };

    private static double[]? LoadAverage()
    {
        try
        {
            return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(x => double.Parse(x, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[ours {Wall.Elapsed.TotalSeconds,7:F1}s] {message}"));
}
