using System.Globalization;
using KnowledgeLoop.Reliability.Tests.Crash;
using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Reliability.Tests.Security;

/// <summary>
/// No path traversal through the command line: the only paths the CLI writes are the ones its options name. Ticket and
/// article ids that look like paths (from the data, which the operator doesn't control) never become file names.
/// </summary>
public sealed class CliPathTests
{
    private static readonly string[] ReportNames = ["report.json", "report.md", "report.html", "gaps.csv"];

    [Fact]
    public async Task Analyze_PathLikeIdsInTheData_WritesOnlyTheFourReportFilesInsideOut()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kl-reliability-paths-" + Guid.NewGuid().ToString("N"));
        try
        {
            var data = new SampleDataGenerator(new SampleDataOptions { Tickets = 1_200, Seed = 5, Months = 3 }).Generate(Path.Combine(folder, "data"));
            var table = Outputs.Rfc4180.Parse(File.ReadAllText(data.TicketsPath));
            for (var r = 1; r < table.Count; r += 3)
            {
                // The id is the first column: "../../escape-N" and an absolute path, alternately.
                table[r][0] = r % 2 == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"../../escape-{r}")
                    : string.Create(CultureInfo.InvariantCulture, $"/tmp/kl-escape-{r}");
            }

            var tickets = Path.Combine(folder, "tickets.csv");
            File.WriteAllText(tickets, Outputs.Rfc4180.Write(table));
            foreach (var file in Directory.EnumerateFiles(data.ArticlesDirectory, "*.md").Take(5))
            {
                var text = File.ReadAllText(file);
                File.WriteAllText(file, text.Replace("\nid: ", "\nid: ../../../", StringComparison.Ordinal));
            }

            var before = Snapshot(folder);
            var output = Path.Combine(folder, "work", "out");
            Directory.CreateDirectory(Path.Combine(folder, "work"));
            var store = Path.Combine(folder, "work", "k.db");

            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(3),
                "analyze", "--tickets", tickets, "--articles", data.ArticlesDirectory, "--store", store, "--out", output);

            Assert.True(exitCode == 0, $"analyze exit {exitCode}: {stdout} {stderr}");
            var created = Snapshot(folder).Except(before, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var allowed = ReportNames.Select(n => Path.Combine(output, n))
                .Append(store).ToHashSet(StringComparer.Ordinal);
            Assert.All(created, path => Assert.True(allowed.Contains(path) || path.StartsWith(store, StringComparison.Ordinal), $"unexpected file {path}"));
            Assert.Equal(4, created.Count(p => p.StartsWith(output, StringComparison.Ordinal)));
            Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), "kl-escape-*"));
            Assert.False(File.Exists(Path.Combine(folder, "..", "..", "escape-4")));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp cleaner.
            }
        }
    }

    private static HashSet<string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
}
