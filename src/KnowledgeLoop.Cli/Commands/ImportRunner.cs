using System.Diagnostics;
using System.Globalization;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>Imports the given files into a store, one atomic transaction per file, and reports like DESIGN §9 asks.</summary>
internal sealed class ImportRunner(CliConsole console, KnowledgeStore store, ImportOptions options, bool allowPartial)
{
    /// <summary>How many problems are printed before "... and N more".</summary>
    public const int ProblemsShown = 20;

    /// <summary>Imports each file that is given; true when every file was imported.</summary>
    public async Task<bool> ImportAsync(FileSystemInfo? tickets, FileSystemInfo? articles, FileSystemInfo? sessions, CancellationToken cancellationToken)
    {
        var importer = new StoreImporter(store);
        var allGood = true;
        if (tickets is not null)
        {
            allGood &= await RunAsync("tickets", tickets, (path, progress) => importer.ImportTicketsAsync(path, options, allowPartial, progress, cancellationToken));
        }

        if (articles is not null)
        {
            allGood &= await RunAsync("articles", articles, (path, progress) => importer.ImportArticlesAsync(path, options, allowPartial, progress, cancellationToken));
        }

        if (sessions is not null)
        {
            allGood &= await RunAsync("sessions", sessions, (path, progress) => importer.ImportSessionsAsync(path, options, allowPartial, progress, cancellationToken));
        }

        return allGood;
    }

    private async Task<bool> RunAsync(string kind, FileSystemInfo source, Func<string, IProgress<ImportProgress>, Task<FileImportResult>> import)
    {
        if (!source.Exists)
        {
            throw new CliException($"the {kind} {(source is DirectoryInfo ? "folder" : "file")} {source.FullName} does not exist.");
        }

        var lines = source is FileInfo file ? CountLines(file) : (long?)null;
        var clock = Stopwatch.StartNew();
        var result = await console.WithProgressAsync($"Importing {kind} from {source.Name}", progress =>
            import(source.FullName, new Progress<ImportProgress>(p => progress.Report(new ProgressUpdate(null, p.Line, lines)))));
        clock.Stop();

        var rate = clock.Elapsed.TotalSeconds > 0 ? result.RowsRead / clock.Elapsed.TotalSeconds : 0;
        if (result.Committed)
        {
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{source.Name}: {result.RowsImported:N0} {kind} imported, {result.RowsRejected:N0} rejected ({clock.Elapsed.TotalSeconds:0.0} s, {rate:N0} rows/s)"));
        }
        else
        {
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{source.Name}: nothing imported: {result.RowsRejected:N0} of {result.RowsRead:N0} rows rejected"));
        }

        if (result.ProblemCount > 0)
        {
            foreach (var problem in result.Problems.Take(ProblemsShown))
            {
                console.Note($"  {problem}");
            }

            if (result.ProblemCount > ProblemsShown)
            {
                console.Note(string.Create(CultureInfo.InvariantCulture, $"  ... and {result.ProblemCount - ProblemsShown:N0} more problems"));
            }

            console.Note(string.Create(CultureInfo.InvariantCulture, $"{source.Name}: {result.ProblemCount:N0} problems in total"));
            if (result.RejectsFile is not null)
            {
                console.Note($"{source.Name}: rejected rows written to {result.RejectsFile}");
            }
            else if (!result.Committed)
            {
                console.Note($"{source.Name}: the file was not imported; fix the rows above, or pass --allow-partial to import the good rows and write the bad ones to a rejects file.");
            }
        }

        return result.Committed && (result.ProblemCount == 0 || allowPartial);
    }

    /// <summary>Counts newlines for the progress bar's total; cheap next to parsing the file.</summary>
    private static long CountLines(FileInfo file)
    {
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return Math.Max(lines, 1);
    }
}
