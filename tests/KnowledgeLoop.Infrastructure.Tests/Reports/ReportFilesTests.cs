using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Reports;
using KnowledgeLoop.Infrastructure.Tests.Storage;
using static KnowledgeLoop.Infrastructure.Tests.Reports.ReportFixtures;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

public class ReportFilesTests
{
    [Fact]
    public async Task WriteAsync_Report_WritesTheFourFilesAndNothingElse()
    {
        using var folder = new TempFolder();
        var outDir = Path.Combine(folder.Path, "out");

        var paths = await ReportFiles.WriteAsync(Full(), outDir);

        Assert.Equal(
            ["gaps.csv", "report.html", "report.json", "report.md"],
            Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(MarkdownReport.Render(Full()), await File.ReadAllTextAsync(paths.Markdown));
        Assert.Equal(HtmlReport.Render(Full()), await File.ReadAllTextAsync(paths.Html));
        Assert.Equal(GapsCsv.Render(Full()), await File.ReadAllTextAsync(paths.Csv));
        Assert.All(paths.All, p => Assert.NotEqual(0xEF, File.ReadAllBytes(p)[0])); // no byte-order mark
    }

    [Fact]
    public async Task WriteAsync_ReportJson_RoundTripsThroughReportJson()
    {
        using var folder = new TempFolder();

        var paths = await ReportFiles.WriteAsync(Full(), folder.Path);

        var json = await File.ReadAllTextAsync(paths.Json);
        var back = ReportJson.Deserialize(json);
        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(ScriptTitle, back.Gaps![1].Title);
        Assert.Equal(3, back.Gaps.Count);
    }

    [Fact]
    public async Task WriteAsync_ExistingFiles_AreReplaced()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("report.md"), new string('x', 100_000));

        var paths = await ReportFiles.WriteAsync(Empty(), folder.Path);

        Assert.Equal(MarkdownReport.Render(Empty()), await File.ReadAllTextAsync(paths.Markdown));
        Assert.Equal(4, Directory.GetFiles(folder.Path).Length);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_LeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportFiles.WriteAsync(Full(), folder.Path, cancelled.Token));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
