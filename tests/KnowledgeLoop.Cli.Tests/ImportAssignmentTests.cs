using System.Text;
using System.Text.RegularExpressions;
using KnowledgeLoop.Cli.Commands;

namespace KnowledgeLoop.Cli.Tests;

/// <summary><c>knowledgeloop import</c> after an analysis assigns the new tickets to the run's gaps and says so on stderr.</summary>
public sealed partial class ImportAssignmentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Import_AfterAnalyzeWithStore_PrintsTheAssignmentAndTheEmergingGap()
    {
        var demo = DemoCommand.BundledDataFolder;
        var store = _folder.File("k.db");
        var first = await CliRun.RunAsync("import", "--tickets", Path.Combine(demo, "tickets.csv"), "--articles", Path.Combine(demo, "articles"), "--store", store);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.DoesNotContain("assigned", first.Error, StringComparison.Ordinal); // no run yet: nothing to assign to

        var analyze = await CliRun.RunAsync("analyze", "--store", store, "--out", _folder.File("report"));
        Assert.True(analyze.ExitCode == 0, analyze.Error);

        var csv = new StringBuilder("id,created_at,resolved_at,customer_id,category,subject,description,reopen_count\n");
        for (var i = 0; i < 6; i++)
        {
            csv.Append($"BURST-{i},2026-07-01T0{i}:00:00Z,2026-07-01T0{i}:30:00Z,CUS-B{i},account,Passkey enrolment loop on yubikey,\"The passkey prompt loops forever when enrolling a yubikey, webauthn ceremony aborted (attempt {i}).\",1\n");
        }

        csv.Append("ODD-1,2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,CUS-O1,billing,Plan change question,\"If we downgrade, do we lose our recurring invoices?\",0\n");
        var added = await CliRun.RunAsync("import", "--tickets", _folder.Write("new.csv", csv.ToString()), "--store", store);

        Assert.True(added.ExitCode == 0, added.Error);
        var line = AssignmentLine().Match(added.Error);
        Assert.True(line.Success, added.Error);
        Assert.Equal("7", line.Groups["total"].Value);
        Assert.True(int.Parse(line.Groups["failures"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 6, added.Error);
        Assert.Matches(@"emerging gap: [^(]*passkey[^(]*\(6 tickets\)", added.Error);
        Assert.DoesNotContain("assigned", added.Output, StringComparison.Ordinal); // stdout keeps the import's own result
    }

    [GeneratedRegex(@"assigned (?<assigned>\d+) of (?<total>\d+) new tickets to (?<gaps>\d+) gaps?; (?<failures>\d+) unassigned failures?")]
    private static partial Regex AssignmentLine();
}
