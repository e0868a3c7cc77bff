using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>The tickets and sessions a command works on, read from a store or straight from export files.</summary>
internal sealed record DataSet(IReadOnlyList<Ticket> Tickets, IReadOnlyList<SelfServiceSession> Sessions, IReadOnlyList<Article> Articles)
{
    /// <summary>How many articles the knowledge base holds.</summary>
    public int ArticleCount => Articles.Count;

    /// <summary>Explicit article publications recorded in the store (none when read from files).</summary>
    public IReadOnlyList<ArticlePublication> Publications { get; init; } = [];

    /// <summary>Everything in the store.</summary>
    public static DataSet FromStore(FileInfo storeFile, CancellationToken cancellationToken)
    {
        if (!storeFile.Exists)
        {
            throw new CliException($"the store {storeFile.FullName} does not exist; create it with 'knowledgeloop import'.");
        }

        using var store = KnowledgeStore.Open(storeFile.FullName);
        var tickets = store.ReadTickets(cancellationToken).ToList();
        var sessions = store.ReadSessions(cancellationToken).ToList();
        var articles = store.ReadArticles(cancellationToken).ToList();
        return new DataSet(tickets, sessions, articles) { Publications = new ArticlePublicationRepository(store).List() };
    }

    /// <summary>
    /// Reads export files without a store. A file with any bad row is refused as a whole, exactly as an
    /// import would be: the first problems are printed and the command fails with exit code 1.
    /// </summary>
    public static async Task<DataSet> FromFilesAsync(CliConsole console, FileInfo tickets, FileInfo? sessions, ImportOptions options, CancellationToken cancellationToken, FileSystemInfo? articles = null)
    {
        var ticketList = await ReadAllAsync(console, tickets, "tickets", path => ExportReader.ReadTicketsAsync(path, options, cancellationToken), cancellationToken);
        var sessionList = sessions is null
            ? []
            : await ReadAllAsync(console, sessions, "sessions", path => ExportReader.ReadSessionsAsync(path, options, cancellationToken), cancellationToken);
        var articleList = articles is null
            ? []
            : await ReadAllAsync(console, articles, "articles", path => ExportReader.ReadArticlesAsync(path, options, cancellationToken), cancellationToken);
        return new DataSet(ticketList, sessionList, articleList);
    }

    private static async Task<List<T>> ReadAllAsync<T>(CliConsole console, FileSystemInfo file, string kind, Func<string, IAsyncEnumerable<ImportRow<T>>> read, CancellationToken cancellationToken)
        where T : class
    {
        if (!file.Exists)
        {
            throw new CliException($"the {kind} file {file.FullName} does not exist.");
        }

        var entities = new List<T>();
        var problems = new List<ImportProblem>();
        long problemCount = 0;
        await foreach (var row in read(file.FullName).WithCancellation(cancellationToken))
        {
            if (row.IsValid)
            {
                entities.Add(row.Entity!);
                continue;
            }

            foreach (var problem in row.Problems)
            {
                problemCount++;
                if (problems.Count < ImportRunner.ProblemsShown)
                {
                    problems.Add(problem);
                }
            }
        }

        if (problemCount > 0)
        {
            foreach (var problem in problems)
            {
                console.Note($"  {problem}");
            }

            if (problemCount > problems.Count)
            {
                console.Note($"  ... and {problemCount - problems.Count:N0} more problems");
            }

            throw new CliException($"{file.Name} has {problemCount:N0} problems; fix them, or import the good rows with 'knowledgeloop import --allow-partial' and use --store.");
        }

        return entities;
    }
}
