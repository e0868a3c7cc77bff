using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeLoop.Cli.Tests;

/// <summary><c>knowledgeloop serve</c>: the same host as the Api project, on a real Kestrel port.</summary>
public sealed partial class ServeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_OnAFreePort_AnswersUntilCancelled()
    {
        using var output = new SynchronizedWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = CliApp.RunAsync(["serve", "--store", _folder.File("served.db"), "--urls", "http://127.0.0.1:0", "--api-key", "serve-test-key"], output, error, stop.Token);

        var url = await WaitForUrlAsync(output, run);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var content = new StringContent("[]", Encoding.UTF8, "application/json");
        using var anonymousWrite = await client.PostAsync(new Uri("/api/tickets", UriKind.Relative), content);
        await stop.CancelAsync();
        var code = await run;

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("nosniff", health.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousWrite.StatusCode);
        Assert.Equal(0, code);
        Assert.True(File.Exists(_folder.File("served.db")));
    }

    [Fact]
    public async Task Serve_StoreInAMissingFolder_ExitsWithOneAndTheReason()
    {
        var run = await CliRun.RunAsync("serve", "--store", Path.Combine(_folder.Path, "no", "such", "store.db"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("folder does not exist", run.Error, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForUrlAsync(SynchronizedWriter output, Task<int> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(run.IsCompleted, $"serve stopped early: {output}");
            if (ServingLine().Match(output.ToString()) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"serve did not start: {output}");
    }

    [GeneratedRegex(@"on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ServingLine();

    /// <summary>A writer the server thread writes and the test reads at the same time.</summary>
    private sealed class SynchronizedWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_lock)
            {
                base.Write(buffer, index, count);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
