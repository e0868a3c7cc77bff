using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Samples;
using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>
/// One real server and one browser for all the page tests: the demo data set made by the samples generator (plus one
/// ticket whose text is markup), imported into a temporary store, served by the service on Kestrel at 127.0.0.1,
/// analysed once through <c>POST /api/analyses</c>, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class WebFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Markup that would run script if the page ever inserted ticket text as HTML.</summary>
    public const string Markup = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    /// <summary>The planted missing topic whose ticket gets the markup: duplicated bank feed lines.</summary>
    public const string MarkupTopic = "bank-feed-duplicates";

    /// <summary>The API key the server is configured with.</summary>
    public const string ApiKey = "web-tests-key";

    /// <summary>Debian's Chromium; Playwright's own browser download cannot work on these machines.</summary>
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "knowledgeloop-web-" + Guid.NewGuid().ToString("N")[..12]);
    private WebServerFactory? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _http;

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The shared browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>A client for the same server, to compare the page with the API.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The generated data set (with its ground truth files).</summary>
    public SampleDataResult Data { get; private set; } = null!;

    /// <summary>Where screenshots go: $KNOWLEDGELOOP_SCREENSHOTS, or TestResults/screenshots next to the tests.</summary>
    public string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("KNOWLEDGELOOP_SCREENSHOTS") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>The ticket whose text carries <see cref="Markup"/>.</summary>
    public string MarkupTicketId { get; private set; } = string.Empty;

    /// <summary>A search that finds the markup ticket: its description as generated.</summary>
    public string MarkupTicketQuery { get; private set; } = string.Empty;

    /// <summary>A copy of the store as imported, before any analysis, for tests that need their own server.</summary>
    public string UnanalysedStorePath => Path.Combine(_folder, "unanalysed.db");

    /// <summary>How long the set-up took, for the test log.</summary>
    public TimeSpan SetUpTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/setup-browser.sh (scripts/test.sh does) to install Debian's chromium.");
        }

        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);

        Data = new SampleDataGenerator(new SampleDataOptions()).Generate(Path.Combine(_folder, "data"));

        var storePath = Path.Combine(_folder, "knowledgeloop.db");
        await ImportAsync(storePath);
        AddMarkupToATicket(storePath);
        File.Copy(storePath, UnanalysedStorePath);
        if (File.Exists(storePath + "-wal"))
        {
            File.Copy(storePath + "-wal", UnanalysedStorePath + "-wal");
        }

        _server = new WebServerFactory(storePath, ApiKey);
        _server.StartServer();
        BaseAddress = _server.Address;
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        await AnalyseAsync();

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        SetUpTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A store file still held open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }

    public void Dispose()
    {
        _http?.Dispose();
        _server?.Dispose();
        _server = null;
    }

    /// <summary>The path for a screenshot with this name.</summary>
    public string ScreenshotPath(string name) => Path.Combine(ScreenshotFolder, name + ".png");

    /// <summary>GETs JSON from the server.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Ground truth: each planted topic's role (missing, emerging, ineffective, ...).</summary>
    public IReadOnlyDictionary<string, string> PlantedRoles()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Data.GroundTruthPath));
        return truth.RootElement.GetProperty("planted_gaps").EnumerateArray()
            .ToDictionary(g => g.GetProperty("topic").GetString()!, g => g.GetProperty("role").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>Ground truth: the topic each generated ticket was written from.</summary>
    public IReadOnlyDictionary<string, string> TicketTopics() =>
        File.ReadLines(Data.TicketTopicsPath).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0], cells => cells[1], StringComparer.Ordinal);

    /// <summary>
    /// Appends <see cref="Markup"/> to the subject, description and resolution of one reopened ticket of
    /// <see cref="MarkupTopic"/>, through the store's own upsert. No other ticket has these words, so the embedder drops
    /// them (they are in fewer than two documents) and the analysis is the same as on the data as generated; the
    /// ticket's original description then finds it in the similar-case search.
    /// </summary>
    private void AddMarkupToATicket(string storePath)
    {
        var topics = TicketTopics();
        using var store = KnowledgeStore.Open(storePath);
        var ticket = store.ReadTickets().First(t =>
            topics.GetValueOrDefault(t.Id) == MarkupTopic && t.ReopenCount > 0 && !t.Escalated && !string.IsNullOrWhiteSpace(t.Description));
        MarkupTicketId = ticket.Id;
        MarkupTicketQuery = ticket.Description!;
        using var writer = store.BeginWrite("tickets", "web-tests-markup", "generic");
        writer.Upsert(ticket with
        {
            Subject = ticket.Subject + " " + Markup,
            Description = ticket.Description + " " + Markup,
            Resolution = ticket.Resolution + " " + Markup,
        });
        writer.Commit();
    }

    private async Task ImportAsync(string storePath)
    {
        using var store = KnowledgeStore.Open(storePath);
        var importer = new StoreImporter(store);
        var options = new ImportOptions { Format = ImportFormat.Generic };
        foreach (var result in new[]
        {
            await importer.ImportTicketsAsync(Data.TicketsPath, options),
            await importer.ImportArticlesAsync(Data.ArticlesDirectory, options),
            await importer.ImportSessionsAsync(Data.SessionsPath, options),
        })
        {
            if (!result.Committed || result.ProblemCount > 0)
            {
                throw new InvalidOperationException($"{result.File}: {result.ProblemCount} problems, first: {(result.Problems.Count > 0 ? result.Problems[0] : null)}");
            }
        }
    }

    /// <summary>Starts an analysis through the API and waits for it, as a user of the service would.</summary>
    private async Task AnalyseAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/analyses", UriKind.Relative))
        {
            Content = JsonContent.Create(new { seed = 42 }),
        };
        request.Headers.Add("X-Api-Key", ApiKey);
        using var started = await Http.SendAsync(request);
        var startBody = await started.Content.ReadAsStringAsync();
        if ((int)started.StatusCode != 202)
        {
            throw new InvalidOperationException($"POST /api/analyses answered {(int)started.StatusCode}: {startBody}");
        }

        var id = JsonDocument.Parse(startBody).RootElement.GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = await GetJsonAsync($"/api/analyses/{Uri.EscapeDataString(id!)}");
            var state = status.GetProperty("status").GetString();
            if (state == "succeeded")
            {
                return;
            }

            if (state is "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"analysis {id} ended {state}: {status}");
            }

            await Task.Delay(200);
        }
    }
}
