using System.Diagnostics;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Reliability.Tests.Crash;

/// <summary>
/// SIGKILL in the middle of a 200,000-ticket import by the real command: the store passes SQLite's integrity check,
/// the file is all there or not there at all (no import row, no ticket), and running the import again completes
/// with exactly the file's tickets.
/// </summary>
public sealed class KilledImportTests(LargeDataSet data) : IClassFixture<LargeDataSet>
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("while reading rows")]
    [InlineData("while committing")]
    public async Task Import_KilledMidway_LeavesTheStoreSoundAndTheFileAllOrNothing(string when)
    {
        var store = Path.Combine(data.Folder, Guid.NewGuid().ToString("N") + ".db");
        var tickets = data.Result.TicketsPath;

        using (var process = CliProcess.Start("import", "--tickets", tickets, "--store", store))
        {
            await WaitForKillPointAsync(process, store, when);
            Assert.False(process.HasExited, $"the import finished before it could be killed {when}");
            process.Kill(); // SIGKILL on Unix: no handler, no finally, no flush
            await process.WaitForExitAsync();
        }

        using (var opened = KnowledgeStore.Open(store))
        {
            Assert.Equal("ok", opened.CheckIntegrity());
            var counts = opened.Count();
            Assert.True(
                (counts.Tickets == 0 && counts.Imports == 0) || (counts.Tickets == data.Result.Tickets && counts.Imports == 1),
                $"killed {when}: {counts.Tickets} tickets and {counts.Imports} imports: a partial file");
        }

        var (exitCode, output, error) = await CliProcess.RunAsync(RunLimit, "import", "--tickets", tickets, "--store", store);

        Assert.True(exitCode == 0, $"re-run exit {exitCode}: {output} {error}");
        using var final = KnowledgeStore.Open(store);
        Assert.Equal("ok", final.CheckIntegrity());
        Assert.Equal(data.Result.Tickets, final.Count().Tickets);
    }

    /// <summary>
    /// The store is created and migrated before the import starts, and the import's pages stay in SQLite's cache until
    /// the commit writes them to the WAL: "reading" waits a while after the store appears; "committing" waits for the
    /// WAL to start growing.
    /// </summary>
    private static async Task WaitForKillPointAsync(Process process, string store, string when)
    {
        var wal = store + "-wal";
        var watch = Stopwatch.StartNew();
        while (!File.Exists(wal) && !process.HasExited && watch.Elapsed < RunLimit)
        {
            await Task.Delay(10);
        }

        var baseline = Size(wal);
        if (when == "while reading rows")
        {
            await Task.Delay(800);
            return;
        }

        while (!process.HasExited && Size(wal) < baseline + (4 << 20) && watch.Elapsed < RunLimit)
        {
            await Task.Delay(2);
        }
    }

    private static long Size(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
