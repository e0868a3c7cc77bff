using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Embeddings;

/// <summary>
/// Embed + cluster, the stages scikit-learn's TF-IDF → TruncatedSVD → KMeans pipeline does (../shared/bench/peer_bench.py):
/// LSA fit and transform of every text, then k-means (k given, or chosen by silhouette). Prints seconds per stage and,
/// when labels are given, ARI and NMI, as one JSON object.
/// </summary>
internal static class EmbedCluster
{
    public static int Run(string[] args)
    {
        var file = args[1];
        var textColumn = Option(args, "--text-col") ?? "text";
        var labelColumn = Option(args, "--label-col");
        var k = Option(args, "--k") ?? "auto";
        var seed = int.Parse(Option(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
        var maxRows = int.Parse(Option(args, "--max-rows") ?? "0", CultureInfo.InvariantCulture);

        List<string> texts;
        List<string> labels;
        try
        {
            var (readTexts, readLabels) = ReadColumns(file, textColumn, labelColumn, maxRows);
            texts = readTexts;
            labels = readLabels ?? [];
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var association = Option(args, "--bigram-fdr") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : new LsaOptions().BigramFalseDiscoveryRate;
        var fit = LsaModel.FitTransform(texts, new LsaOptions { Dimensions = 256, Seed = seed, BigramFalseDiscoveryRate = association });
        var embedSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        int[] assignment;
        int clusters;
        double? silhouette = null;
        if (k == "auto")
        {
            var result = ClusteringPipeline.Run(fit.Vectors, new ClusteringOptions { Seed = seed, MaximumClusters = 120, MaxUnclusteredFraction = 0 });
            assignment = result.Model.Assignments;
            clusters = result.ClusterCount;
            silhouette = result.Silhouette;
        }
        else
        {
            var model = new KMeansTrainer(new KMeansOptions { NumberOfClusters = int.Parse(k, CultureInfo.InvariantCulture), Seed = seed, NumberOfRestarts = 1 }).Fit(fit.Vectors);
            assignment = model.Assignments;
            clusters = model.ClusterCount;
        }

        var clusterSeconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var report = new Dictionary<string, object?>
        {
            ["stage"] = "embed-cluster",
            ["file"] = Path.GetFileName(file),
            ["docs"] = texts.Count,
            ["vocabulary"] = fit.Model.Vocabulary.Count,
            ["dimensions"] = fit.Model.Dimensions,
            ["k"] = clusters,
            ["k_requested"] = k,
            ["embed_seconds"] = Math.Round(embedSeconds, 3),
            ["cluster_seconds"] = Math.Round(clusterSeconds, 3),
            ["total_seconds"] = Math.Round(embedSeconds + clusterSeconds, 3),
            ["silhouette"] = silhouette is { } s ? Math.Round(s, 4) : null,
            ["peak_memory_mb"] = Math.Round(process.PeakWorkingSet64 / 1048576.0),
        };
        if (labels.Count == texts.Count && labels.Count > 0)
        {
            var ids = labels.Distinct(StringComparer.Ordinal).Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
            var truth = labels.Select(l => ids[l]).ToArray();
            report["labels"] = ids.Count;
            report["ari"] = Math.Round(ClusterQuality.AdjustedRandIndex(truth, assignment), 4);
            report["nmi"] = Math.Round(ClusterQuality.NormalizedMutualInformation(truth, assignment), 4);
        }

        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    /// <summary>The text column (and the label column, when named) of a CSV file; at most <paramref name="maxRows"/> rows unless 0.</summary>
    internal static (List<string> Texts, List<string>? Labels) ReadColumns(string file, string textColumn, string? labelColumn, int maxRows)
    {
        var texts = new List<string>();
        var labels = labelColumn is null ? null : new List<string>();
        using var records = ReadCsv(file).GetEnumerator();
        records.MoveNext();
        var header = records.Current;
        var textIndex = Array.IndexOf(header, textColumn);
        var labelIndex = labelColumn is null ? -1 : Array.IndexOf(header, labelColumn);
        if (textIndex < 0 || (labelColumn is not null && labelIndex < 0))
        {
            throw new InvalidDataException($"no column {(textIndex < 0 ? textColumn : labelColumn)} in {file}");
        }

        while (records.MoveNext() && (maxRows == 0 || texts.Count < maxRows))
        {
            var record = records.Current;
            texts.Add(textIndex < record.Length ? record[textIndex] : string.Empty);
            labels?.Add(labelIndex < record.Length ? record[labelIndex] : string.Empty);
        }

        return (texts, labels);
    }

    /// <summary>RFC 4180 records (quoted fields with commas, quotes and newlines).</summary>
    private static IEnumerable<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return [.. fields];
                fields.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
