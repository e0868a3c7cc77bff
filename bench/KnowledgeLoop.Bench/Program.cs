using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;

// The benchmark program: figures printed as one JSON object, never asserted. See bench/README.md.
if (args.Length == 2 && args[0] == "store")
{
    return StoreOnly(int.Parse(args[1], CultureInfo.InvariantCulture));
}

if (args.Length >= 2 && args[0] == "embed-cluster")
{
    return EmbedCluster.Run(args);
}

if (args.Length >= 2 && args[0] == "queries")
{
    return await HttpQueries.RunAsync(args);
}

if (args.Length >= 3 && args[0] == "similar")
{
    return await SimilarBench.RunAsync(args);
}

if (args.Length >= 2 && args[0] == "kmeans")
{
    return KMeansProfile.Run(args);
}

if (args.Length >= 2 && args[0] == "kernels")
{
    return KernelProfile.Run(args);
}

if (args.Length >= 2 && args[0] == "peer")
{
    return PeerBench.Run(args);
}

if (args.Length >= 2 && args[0] == "analyze")
{
    return AnalyzeBench.Run(args);
}

if (args.Length < 2 || args[0] is not ("import" or "read"))
{
    Console.Error.WriteLine("usage: KnowledgeLoop.Bench import|read FILE [--kind tickets|sessions] [--store FILE.db] [--format generic|...] [--mapping FILE]  |  store N  |  embed-cluster CSV --text-col C [--label-col L] [--k N|auto]  |  analyze DATA_DIR  |  peer CSV --text-col C [--label-col L] [--k N] [peer_bench.py's knobs]  |  queries TICKETS.csv N  |  similar STORE QUERIES [N]");
    return 1;
}

if (args[0] == "read")
{
    return await ReadOnlyAsync(args[1]);
}

var tickets = args[1];
var kind = Option("--kind") ?? "tickets";
var storePath = Option("--store") ?? Path.Combine(Path.GetTempPath(), $"kl-bench-{Environment.ProcessId}.db");
var format = Enum.Parse<ImportFormat>(Option("--format") ?? "generic", ignoreCase: true);
foreach (var suffix in new[] { "", "-wal", "-shm" })
{
    File.Delete(storePath + suffix);
}

var clock = Stopwatch.StartNew();
FileImportResult result;
using (var store = KnowledgeStore.Open(storePath))
{
    var progress = new Progress<ImportProgress>(p => Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{p.Rows:N0} rows, {clock.Elapsed.TotalSeconds:0.0} s   ")));
    var importer = new StoreImporter(store);
    var options = new ImportOptions { Format = format };
    result = kind == "sessions"
        ? await importer.ImportSessionsAsync(tickets, options, allowPartial: false, progress)
        : await importer.ImportTicketsAsync(tickets, options, allowPartial: false, progress);
}

clock.Stop();
Console.Error.WriteLine();
using var process = Process.GetCurrentProcess();
process.Refresh();
var report = new Dictionary<string, object?>
{
    ["stage"] = "import-" + kind,
    ["file"] = Path.GetFileName(tickets),
    ["file_mb"] = Math.Round(new FileInfo(tickets).Length / 1048576.0, 1),
    ["rows"] = result.RowsImported,
    ["rejected"] = result.RowsRejected,
    ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
    ["rows_per_second"] = Math.Round(result.RowsRead / clock.Elapsed.TotalSeconds),
    ["peak_memory_mb"] = Math.Round(process.PeakWorkingSet64 / 1048576.0),
    ["store_mb"] = Math.Round(new FileInfo(storePath).Length / 1048576.0, 1),
};
Console.WriteLine(JsonSerializer.Serialize(report));
return result.Committed ? 0 : 1;

// The reader alone (no store): rows/s of parsing and mapping, and the first problems.
async Task<int> ReadOnlyAsync(string file)
{
    var options = new ImportOptions
    {
        Format = Enum.Parse<ImportFormat>(Option("--format") ?? "generic", ignoreCase: true),
        Mapping = Option("--mapping") is { } mapping ? FieldMapping.Load(mapping) : null,
    };
    long rows = 0, valid = 0, problems = 0;
    var shown = new List<string>();
    var watch = Stopwatch.StartNew();
    await foreach (var row in ExportReader.ReadTicketsAsync(file, options))
    {
        rows++;
        if (row.IsValid)
        {
            valid++;
        }

        problems += row.Problems.Count;
        shown.AddRange(row.Problems.Take(Math.Max(0, 5 - shown.Count)).Select(p => p.ToString()));
    }

    watch.Stop();
    using var self = Process.GetCurrentProcess();
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["stage"] = "read",
        ["file"] = Path.GetFileName(file),
        ["rows"] = rows,
        ["valid"] = valid,
        ["problems"] = problems,
        ["first_problems"] = shown,
        ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 3),
        ["rows_per_second"] = Math.Round(rows / watch.Elapsed.TotalSeconds),
        ["peak_memory_mb"] = Math.Round(self.PeakWorkingSet64 / 1048576.0),
    }));
    return problems == 0 ? 0 : 1;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int StoreOnly(int count)
{
    var path = Path.Combine(Environment.GetEnvironmentVariable("BENCHDIR") ?? Path.GetTempPath(), $"kl-bench-store-{Environment.ProcessId}.db");
    var words = "invoice payment bank feed sync error quickbooks shopify order tax rate currency export csv import date format login sso saml".Split(' ');
    var random = new Random(7);
    string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
    var clock = Stopwatch.StartNew();
    using (var store = KnowledgeStore.Open(path))
    using (var writer = store.BeginWrite("tickets", "synthetic", "generic"))
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            writer.Upsert(new KnowledgeLoop.Core.Tickets.Ticket
            {
                Id = "T" + i.ToString(CultureInfo.InvariantCulture),
                CreatedAt = start.AddMinutes(i),
                ResolvedAt = start.AddMinutes(i + 300),
                CustomerId = "C" + random.Next(50_000).ToString(CultureInfo.InvariantCulture),
                Subject = Text(8),
                Description = Text(60),
                Status = "solved",
                Channel = "email",
                Category = words[random.Next(words.Length)],
                Priority = "normal",
                Group = "Tier 1",
                Agent = "agent" + random.Next(40).ToString(CultureInfo.InvariantCulture),
                Resolution = Text(20),
                LinkedArticleIds = random.Next(3) == 0 ? ["KB-1001"] : [],
            });
        }

        writer.Commit();
    }

    clock.Stop();
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["stage"] = "store-writer",
        ["rows"] = count,
        ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
        ["rows_per_second"] = Math.Round(count / clock.Elapsed.TotalSeconds),
        ["store_mb"] = Math.Round(new FileInfo(path).Length / 1048576.0, 1),
    }));
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(path + suffix);
    }

    return 0;
}
