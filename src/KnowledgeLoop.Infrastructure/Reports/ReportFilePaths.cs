namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>Where <see cref="ReportFiles.WriteAsync"/> wrote each file.</summary>
/// <param name="Json">report.json.</param>
/// <param name="Markdown">report.md.</param>
/// <param name="Html">report.html.</param>
/// <param name="Csv">gaps.csv.</param>
public sealed record ReportFilePaths(string Json, string Markdown, string Html, string Csv)
{
    /// <summary>The four paths in the order they were written.</summary>
    public IReadOnlyList<string> All => [Json, Markdown, Html, Csv];
}
