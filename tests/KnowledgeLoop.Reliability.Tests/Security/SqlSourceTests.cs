using System.Text.RegularExpressions;

namespace KnowledgeLoop.Reliability.Tests.Security;

/// <summary>
/// Parameterized SQL only: every interpolated string in the product code that holds SQL splices nothing but the
/// constant column lists and the table, index and column names the storage code builds itself; values travel as
/// <c>$parameters</c>. A new hole needs a look (and a line here) before it can land.
/// </summary>
public sealed partial class SqlSourceTests
{
    private static readonly HashSet<string> AllowedHoles = new(StringComparer.Ordinal)
    {
        "Columns", "TicketColumns", "ArticleColumns", "SessionColumns", "KnowledgeStore.TicketColumns", // const column lists
        "table", "name", "columns", "values", "updates", // StoreWriter: names from its own table definitions and sqlite_master
    };

    [Fact]
    public void Sql_InterpolatedStatements_SpliceOnlyConstantIdentifiers()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var statements = 0;
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match statement in InterpolatedSql().Matches(text))
            {
                statements++;
                foreach (Match hole in Hole().Matches(statement.Value))
                {
                    var expression = hole.Groups[1].Value.Trim();
                    Assert.True(AllowedHoles.Contains(expression),
                        $"{Path.GetRelativePath(src, file)}: SQL splices '{{{expression}}}' into {statement.Value}; bind it as a $parameter");
                }
            }
        }

        Assert.True(statements >= 5, $"only {statements} interpolated SQL statements found: the scan is not reading the sources");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeLoop.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KnowledgeLoop.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\$@?"(?:[^"\\\n]|\\.)*\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE|DROP|CREATE|PRAGMA|SET)\b(?:[^"\\\n]|\\.)*" """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex InterpolatedSql();

    [GeneratedRegex(@"(?<!\{)\{([^{}]+)\}(?!\})", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();
}
