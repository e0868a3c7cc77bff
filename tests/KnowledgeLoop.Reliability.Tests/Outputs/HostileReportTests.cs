using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeLoop.Reliability.Tests.Crash;
using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Reliability.Tests.Outputs;

/// <summary>
/// End to end through the real command: a data set whose tickets and articles carry markup, scripts and spreadsheet
/// formulas in every text field is analyzed, and the report files come out safe: report.html shows the text only
/// escaped, no gaps.csv cell can start a formula, and report.json is valid UTF-8 JSON.
/// </summary>
public sealed partial class HostileReportTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(2)>";
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    [Fact]
    public async Task Analyze_HostileTicketsAndArticles_WritesEscapedHtmlNeutralCsvAndUtf8Json()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kl-reliability-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var data = new SampleDataGenerator(new SampleDataOptions { Tickets = 1_500, Seed = 3, Months = 3 }).Generate(Path.Combine(folder, "data"));
            var tickets = Path.Combine(folder, "hostile-tickets.csv");
            MakeTicketsHostile(data.TicketsPath, tickets);
            MakeArticlesHostile(data.ArticlesDirectory);
            var output = Path.Combine(folder, "out");

            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(3),
                "analyze", "--tickets", tickets, "--articles", data.ArticlesDirectory, "--out", output, "--as-of", "2026-08-01");

            Assert.True(exitCode == 0, $"analyze exit {exitCode}: {stdout} {stderr}");
            var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror=alert", html.Replace("&quot;", "\"", StringComparison.Ordinal).Replace(" onerror=alert(2)&gt;", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal) || html.Contains("&lt;img src=x", StringComparison.Ordinal),
                "the hostile text never reached report.html, so the test proves nothing");

            var csv = await File.ReadAllTextAsync(Path.Combine(output, "gaps.csv"));
            var table = Rfc4180.Parse(csv);
            for (var r = 1; r < table.Count; r++)
            {
                foreach (var cell in table[r])
                {
                    Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) && !Number().IsMatch(cell),
                        $"gaps.csv row {r} could start a formula: {cell}");
                }
            }

            Assert.True(table.Count > 1, "gaps.csv has no gaps, so the test proves nothing");
            Assert.Contains(table.Skip(1).SelectMany(row => row), cell => cell.StartsWith("'=1+", StringComparison.Ordinal));

            var json = await File.ReadAllBytesAsync(Path.Combine(output, "report.json"));
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(json);
            using var document = JsonDocument.Parse(json);
            Assert.True(document.RootElement.GetProperty("gaps").GetArrayLength() > 0);
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

    /// <summary>Half the ids start with "=1+" and a tenth with "@"; every third ticket gets markup and a formula in its subject, description, category, agent and resolution.</summary>
    private static void MakeTicketsHostile(string source, string target)
    {
        var table = Rfc4180.Parse(File.ReadAllText(source));
        var header = table[0];
        for (var r = 1; r < table.Count; r++)
        {
            // Ids that start a formula reach gaps.csv as representative tickets; text fields reach report.html.
            table[r][0] = r % 2 == 0 ? "=1+" + table[r][0] : r % 5 == 0 ? "@" + table[r][0] : table[r][0];
            if (r % 3 != 0)
            {
                continue;
            }

            for (var i = 0; i < header.Count && i < table[r].Count; i++)
            {
                var value = table[r][i];
                table[r][i] = header[i] switch
                {
                    "subject" => $"{Formula} {value} {Script}",
                    "description" => $"{value} {Image} {Script}",
                    "category" or "agent" => r % 2 == 0 ? "@SUM(A1:A9) " + value : "-" + value + " " + Image,
                    "resolution" => "+cmd|' /C calc'!A0 " + value,
                    _ => value,
                };
            }
        }

        File.WriteAllText(target, Rfc4180.Write(table), new UTF8Encoding(false));
    }

    /// <summary>Every article's title and first heading get a script and a formula.</summary>
    private static void MakeArticlesHostile(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
        {
            var text = File.ReadAllText(file);
            text = text.Replace("title: \"", "title: \"" + Formula.Replace("\"", "'", StringComparison.Ordinal) + " <script>alert('kb')</script> ", StringComparison.Ordinal);
            text = text.Replace("\n# ", "\n# " + Script + " ", StringComparison.Ordinal);
            File.WriteAllText(file, text);
        }
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?(E-?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
