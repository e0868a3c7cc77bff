using System.Text.Json;

namespace KnowledgeLoop.Samples.Tests;

public sealed class SampleDataGeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kl-samples-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generate_SameSeedTwice_WritesIdenticalBytes()
    {
        var first = Generate("a", seed: 7);
        var second = Generate("b", seed: 7);

        var files = Directory.GetFiles(first.OutputDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(first.OutputDirectory, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.OutputDirectory, file)), File.ReadAllBytes(Path.Combine(second.OutputDirectory, file)));
        }
    }

    [Fact]
    public void Generate_DifferentSeeds_WriteDifferentTickets()
    {
        var first = Generate("a", seed: 1);
        var second = Generate("b", seed: 2);

        Assert.NotEqual(File.ReadAllBytes(first.TicketsPath), File.ReadAllBytes(second.TicketsPath));
    }

    [Fact]
    public void Generate_TicketCount_IsExactAndMatchesCsvRecords()
    {
        var result = Generate("a", seed: 3, tickets: 1_500);

        var records = ReadCsv(result.TicketsPath);
        Assert.Equal(1_500, result.Tickets);
        Assert.Equal(1_500, records.Count - 1);
        Assert.All(records, r => Assert.Equal(19, r.Count));
        Assert.Equal(records.Count, ReadCsv(result.TicketTopicsPath).Count);
        Assert.Equal(result.Sessions, ReadCsv(result.SessionsPath).Count - 1);
        Assert.True(result.Articles >= 40);
    }

    [Fact]
    public void Generate_Tickets_AreSortedWithFollowUpsWithinSevenDaysOfTheirParent()
    {
        var result = Generate("a", seed: 5, tickets: 2_000);

        var tickets = ReadCsv(result.TicketsPath).Skip(1).ToDictionary(r => r[0]);
        var created = tickets.Values.Select(r => DateTimeOffset.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(created.Order().ToList(), created);
        var followUps = ReadCsv(result.TicketTopicsPath).Skip(1).Where(r => r[2] == "true").ToList();
        Assert.NotEmpty(followUps);
        foreach (var followUp in followUps)
        {
            var child = tickets[followUp[0]];
            var parent = tickets[followUp[3]];
            Assert.Equal(parent[4], child[4]); // same customer
            Assert.Equal(parent[6], child[6]); // same category
            var resolved = DateTimeOffset.Parse(parent[2], System.Globalization.CultureInfo.InvariantCulture);
            var opened = DateTimeOffset.Parse(child[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(opened - resolved, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        }
    }

    [Fact]
    public void Generate_GroundTruth_RecordsEveryGapType()
    {
        var result = Generate("a", seed: 42, tickets: 3_000);

        using var json = JsonDocument.Parse(File.ReadAllBytes(result.GroundTruthPath));
        var gaps = json.RootElement.GetProperty("planted_gaps").EnumerateArray().ToList();
        var types = gaps.Select(g => g.GetProperty("type").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "missing", "ineffective", "findability", "process", "duplicate" }, types);
        Assert.Contains(gaps, g => g.GetProperty("emerging").GetBoolean());
        var impact = gaps.Single(g => g.TryGetProperty("impact", out _)).GetProperty("impact");
        Assert.True(impact.GetProperty("failure_rate_before").GetDouble() > 2 * impact.GetProperty("failure_rate_after").GetDouble());
        Assert.Single(json.RootElement.GetProperty("controls").EnumerateArray());
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new SampleDataGenerator(new SampleDataOptions { Tickets = 10 }));
        Assert.Throws<ArgumentException>(() => new SampleDataGenerator(new SampleDataOptions { Months = 0 }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private SampleDataResult Generate(string name, int seed, int tickets = 800) =>
        new SampleDataGenerator(new SampleDataOptions { Seed = seed, Tickets = tickets }).Generate(Path.Combine(_root, name));

    /// <summary>A strict RFC 4180 reader, independent of the writer under test.</summary>
    private static List<List<string>> ReadCsv(string path)
    {
        var text = File.ReadAllText(path);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
