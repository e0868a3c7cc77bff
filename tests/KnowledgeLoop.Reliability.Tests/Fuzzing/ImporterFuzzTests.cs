using System.Diagnostics;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Reliability.Tests.Fuzzing;

/// <summary>
/// Thousands of seeded hostile files through every importer (CSV, JSON, JSON Lines, Markdown/HTML folders; strict and
/// partial): each ends in a commit of exactly the file's good rows or in located problems with nothing written, within
/// a per-case time limit, and never with an exception other than a located <see cref="ImportException"/>.
/// </summary>
public sealed class ImporterFuzzTests
{
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(FuzzKind.Tickets, 1001, 700)]
    [InlineData(FuzzKind.Articles, 2002, 450)]
    [InlineData(FuzzKind.Sessions, 3003, 450)]
    public async Task Import_MutatedFiles_CommitExactlyTheGoodRowsOrNothing(FuzzKind kind, int seed, int cases)
    {
        using var fuzz = new FuzzStore();
        var inputs = new FuzzInputs(seed);
        var random = new Random(seed);
        var outcomes = new Dictionary<FuzzOutcome, int>();
        for (var n = 0; n < cases; n++)
        {
            var input = inputs.Next(n, kind);
            var format = kind == FuzzKind.Tickets && random.Next(6) == 0
                ? (ImportFormat)random.Next(1, 5)
                : ImportFormat.Generic;
            var path = Path.Combine(fuzz.Folder, n + "-" + input.FileName);
            await File.WriteAllBytesAsync(path, input.Bytes);
            var outcome = await ImportAndCheckAsync(fuzz.Store, input, path, new ImportOptions { Format = format }, allowPartial: random.Next(3) == 0);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            File.Delete(path);
        }

        Assert.Equal("ok", fuzz.Store.CheckIntegrity());
        AssertBothOutcomes(outcomes, cases);
    }

    [Fact]
    public async Task Import_MutatedMarkdownAndHtmlFolders_CommitExactlyTheGoodArticlesOrNothing()
    {
        using var fuzz = new FuzzStore();
        var inputs = new FuzzInputs(4004);
        var random = new Random(4004);
        var outcomes = new Dictionary<FuzzOutcome, int>();
        for (var n = 0; n < 200; n++)
        {
            var folder = Path.Combine(fuzz.Folder, "kb-" + n);
            Directory.CreateDirectory(folder);
            var files = 1 + random.Next(4);
            var recipe = new List<string>();
            for (var f = 0; f < files; f++)
            {
                var input = inputs.NextArticleFile(n * 10 + f);
                await File.WriteAllBytesAsync(Path.Combine(folder, input.FileName), input.Bytes);
                recipe.Add(input.Recipe);
            }

            var described = new FuzzCase(n, FuzzKind.Articles, "kb-" + n + "/", [], string.Join(" | ", recipe));
            var outcome = await ImportAndCheckAsync(fuzz.Store, described, folder, new ImportOptions(), allowPartial: random.Next(3) == 0);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal("ok", fuzz.Store.CheckIntegrity());
        AssertBothOutcomes(outcomes, 200);
    }

    [Theory]
    [InlineData(FuzzKind.Tickets)]
    [InlineData(FuzzKind.Articles)]
    [InlineData(FuzzKind.Sessions)]
    public async Task Import_TenMegabyteField_EndsInACommitOrALocatedProblem(FuzzKind kind)
    {
        using var fuzz = new FuzzStore();
        var input = FuzzInputs.HugeField(1, 10 * 1024 * 1024, kind);
        var path = Path.Combine(fuzz.Folder, input.FileName);
        await File.WriteAllBytesAsync(path, input.Bytes);

        await ImportAndCheckAsync(fuzz.Store, input, path, new ImportOptions(), allowPartial: false);

        Assert.Equal("ok", fuzz.Store.CheckIntegrity());
    }

    /// <summary>Imports one case and checks the store moved by exactly the file's good, new rows, or not at all.</summary>
    internal static async Task<FuzzOutcome> ImportAndCheckAsync(KnowledgeStore store, FuzzCase input, string path, ImportOptions options, bool allowPartial)
    {
        using var timeout = new CancellationTokenSource(CaseLimit);

        // What the file holds, read on its own: the good rows' ids, and whether any row (or the file) is bad.
        var goodIds = new HashSet<string>(StringComparer.Ordinal);
        var anyBad = false;
        var fileProblem = false;
        try
        {
            await foreach (var row in Read(input.Kind, path, options, timeout.Token).WithCancellation(timeout.Token))
            {
                if (row.IsValid)
                {
                    goodIds.Add(row.Id!);
                }
                else
                {
                    anyBad = true;
                    fileProblem |= row.Raw is null;
                    AssertLocated(input, row.Problems);
                }
            }
        }
        catch (ImportException exception)
        {
            Assert.False(string.IsNullOrWhiteSpace(exception.Message), $"{input}: an import error without a reason");
            return FuzzOutcome.Refused;
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{input}: reading threw {exception.GetType().Name}: {exception.Message}");
        }

        var newIds = goodIds.Count(id => !Exists(store, input.Kind, id));
        var before = store.Count();
        var watch = Stopwatch.StartNew();
        FileImportResult result;
        try
        {
            var importer = new StoreImporter(store);
            var import = input.Kind switch
            {
                FuzzKind.Tickets => importer.ImportTicketsAsync(path, options, allowPartial, null, timeout.Token),
                FuzzKind.Articles => importer.ImportArticlesAsync(path, options, allowPartial, null, timeout.Token),
                _ => importer.ImportSessionsAsync(path, options, allowPartial, null, timeout.Token),
            };
            result = await import.WaitAsync(CaseLimit + TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{input}: the import hung (no answer in {CaseLimit + TimeSpan.FromSeconds(5)})");
            return FuzzOutcome.Refused;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{input}: the import ran past {CaseLimit} ({watch.Elapsed})");
            return FuzzOutcome.Refused;
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{input}: the import threw {exception.GetType().Name}: {exception.Message}");
            return FuzzOutcome.Refused;
        }

        var after = store.Count();
        var delta = Delta(input.Kind, before, after);
        var committed = !anyBad || (allowPartial && !fileProblem);
        Assert.True(committed == result.Committed, $"{input}: committed {result.Committed}, expected {committed} (partial {allowPartial})");
        if (result.Committed)
        {
            Assert.True(newIds == delta, $"{input}: {delta} rows added, expected the {newIds} new good rows");
            Assert.Equal(before.Imports + 1, after.Imports);
            return delta > 0 ? FuzzOutcome.Committed : FuzzOutcome.CommittedNothingNew;
        }
        else
        {
            Assert.True(delta == 0, $"{input}: a refused import wrote {delta} rows");
            Assert.Equal(before.Imports, after.Imports);
            Assert.NotEmpty(result.Problems);
            AssertLocated(input, result.Problems);
            return FuzzOutcome.Refused;
        }
    }

    /// <summary>The mix is only a test if it both lands and refuses files in numbers.</summary>
    private static void AssertBothOutcomes(Dictionary<FuzzOutcome, int> outcomes, int cases)
    {
        var summary = string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"));
        Assert.True(outcomes.GetValueOrDefault(FuzzOutcome.Committed) >= cases / 10, $"too few cases committed rows: {summary}");
        Assert.True(outcomes.GetValueOrDefault(FuzzOutcome.Refused) >= cases / 10, $"too few cases were refused: {summary}");
    }

    private static void AssertLocated(FuzzCase input, IReadOnlyList<ImportProblem> problems)
    {
        Assert.True(problems.Count > 0, $"{input}: a bad row without a problem");
        foreach (var problem in problems)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.File), $"{input}: a problem without a file: {problem}");
            Assert.False(string.IsNullOrWhiteSpace(problem.Reason), $"{input}: a problem without a reason: {problem}");
            Assert.True(problem.Line >= 0, $"{input}: a problem at line {problem.Line}");
        }
    }

    private static long Delta(FuzzKind kind, StoreCounts before, StoreCounts after) => kind switch
    {
        FuzzKind.Tickets => after.Tickets - before.Tickets,
        FuzzKind.Articles => after.Articles - before.Articles,
        _ => after.Sessions - before.Sessions,
    };

    private static bool Exists(KnowledgeStore store, FuzzKind kind, string id) => kind switch
    {
        FuzzKind.Tickets => store.FindTicket(id) is not null,
        FuzzKind.Articles => store.ReadArticles().Any(a => a.Id == id),
        _ => store.ReadSessions().Any(s => s.Id == id),
    };

    private static async IAsyncEnumerable<(bool IsValid, string? Id, IReadOnlyList<ImportProblem> Problems, object? Raw)> Read(
        FuzzKind kind, string path, ImportOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FuzzKind.Tickets:
                await foreach (var row in ExportReader.ReadTicketsAsync(path, options, cancellationToken))
                {
                    yield return (row.IsValid, row.Entity?.Id, row.Problems, row.Raw);
                }

                break;
            case FuzzKind.Articles:
                await foreach (var row in ExportReader.ReadArticlesAsync(path, options, cancellationToken))
                {
                    yield return (row.IsValid, row.Entity?.Id, row.Problems, row.Raw);
                }

                break;
            default:
                await foreach (var row in ExportReader.ReadSessionsAsync(path, options, cancellationToken))
                {
                    yield return (row.IsValid, row.Entity?.Id, row.Problems, row.Raw);
                }

                break;
        }
    }
}
