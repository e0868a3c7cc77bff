using System.Text;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>
/// Writes a report's four files into a folder (DESIGN §9): report.json, report.md, report.html and
/// gaps.csv, all UTF-8 without a byte-order mark. Each file is written to a temporary name in the same
/// folder and then moved over the old one, so a reader never sees half a file.
/// </summary>
public static class ReportFiles
{
    /// <summary>The JSON file's name.</summary>
    public const string JsonName = "report.json";

    /// <summary>The Markdown file's name.</summary>
    public const string MarkdownName = "report.md";

    /// <summary>The HTML file's name.</summary>
    public const string HtmlName = "report.html";

    /// <summary>The CSV file's name.</summary>
    public const string CsvName = "gaps.csv";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Renders and writes the four files into <paramref name="outDir"/> (created when missing) and returns their paths.</summary>
    public static async Task<ReportFilePaths> WriteAsync(ReportDocument report, string outDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var folder = Path.GetFullPath(outDir);
        Directory.CreateDirectory(folder);
        var paths = new ReportFilePaths(
            Path.Combine(folder, JsonName),
            Path.Combine(folder, MarkdownName),
            Path.Combine(folder, HtmlName),
            Path.Combine(folder, CsvName));

        await WriteAtomicallyAsync(paths.Json, ReportJson.Serialize(report), cancellationToken);
        await WriteAtomicallyAsync(paths.Markdown, MarkdownReport.Render(report), cancellationToken);
        await WriteAtomicallyAsync(paths.Html, HtmlReport.Render(report), cancellationToken);
        await WriteAtomicallyAsync(paths.Csv, GapsCsv.Render(report), cancellationToken);
        return paths;
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                var bytes = Utf8.GetBytes(content);
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
