using Microsoft.Playwright;

namespace KnowledgeLoop.Web.Tests;

/// <summary>A fresh browser page that records what went wrong on it: console errors, script errors, failed or refused requests.</summary>
public sealed class PageProbe : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private PageProbe(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Add($"script error: {error}");
        page.RequestFailed += (_, request) => Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>Everything that went wrong so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Opens a page of the given size on the server and waits until its first data has loaded.</summary>
    public static async Task<PageProbe> OpenAsync(WebFixture fixture, int width = 1280, int height = 800, bool waitUntilReady = true)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        var probe = new PageProbe(context, await context.NewPageAsync());
        await probe.Page.GotoAsync("/");
        if (waitUntilReady)
        {
            await probe.Page.WaitForSelectorAsync("body[data-ready='true']");
        }

        return probe;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
