using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Reliability.Tests.Crash;

/// <summary>
/// SIGKILL on <c>knowledgeloop serve</c> in the middle of an analysis: on restart the store is sound, the interrupted
/// analysis is marked failed with the reason, the data are all there, and a new analysis runs to success.
/// </summary>
public sealed class KilledServiceTests
{
    private const string Key = "crash-key-51a0";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Serve_KilledMidAnalysis_RestartsWithTheAnalysisFailedAndRunsAgain()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kl-reliability-serve-" + Guid.NewGuid().ToString("N"));
        var started = new List<Process>();
        try
        {
            var data = new SampleDataGenerator(new SampleDataOptions { Tickets = 30_000, Seed = 9 }).Generate(Path.Combine(folder, "data"));
            var store = Path.Combine(folder, "store.db");
            var import = await CliProcess.RunAsync(Limit, "import", "--tickets", data.TicketsPath, "--articles", data.ArticlesDirectory, "--store", store);
            Assert.True(import.ExitCode == 0, import.Output + import.Error);

            string id;
            var port = FreePort();
            using (var serve = Track(started, CliProcess.Start("serve", "--store", store, "--urls", $"http://127.0.0.1:{port}", "--api-key", Key)))
            using (var client = await ConnectAsync(port, serve))
            {
                using var content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var posted = await client.PostAsync(new Uri("/api/analyses", UriKind.Relative), content);
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
                using var body = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
                id = body.RootElement.GetProperty("id").GetString()!;
                var status = await WaitForAsync(client, id, "running", "succeeded", "failed");
                Assert.True(status == "running", $"the analysis was {status} before it could be interrupted");
                serve.Kill(); // SIGKILL
                await serve.WaitForExitAsync();
            }

            using (var opened = KnowledgeStore.Open(store))
            {
                Assert.Equal("ok", opened.CheckIntegrity());
                Assert.Equal(data.Tickets, opened.Count().Tickets);
            }

            port = FreePort();
            using (var serve = Track(started, CliProcess.Start("serve", "--store", store, "--urls", $"http://127.0.0.1:{port}", "--api-key", Key)))
            using (var client = await ConnectAsync(port, serve))
            {
                using (var response = await client.GetAsync(new Uri($"/api/analyses/{id}", UriKind.Relative)))
                {
                    var text = await response.Content.ReadAsStringAsync();
                    using var document = JsonDocument.Parse(text);
                    Assert.Equal("failed", document.RootElement.GetProperty("status").GetString());
                    Assert.Contains("interrupted", text, StringComparison.Ordinal);
                }

                using var content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var again = await client.PostAsync(new Uri("/api/analyses", UriKind.Relative), content);
                Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
                using var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
                var second = body.RootElement.GetProperty("id").GetString()!;
                Assert.Equal("succeeded", await WaitForAsync(client, second, "succeeded", "failed", "cancelled"));
                serve.Kill();
                await serve.WaitForExitAsync();
            }
        }
        finally
        {
            foreach (var process in started)
            {
                try
                {
                    process.Kill(entireProcessTree: true); // a failed assertion must not leave a server running
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp cleaner.
            }
        }
    }

    private static Process Track(List<Process> started, Process process)
    {
        started.Add(process);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpClient> ConnectAsync(int port, Process serve)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Limit)
        {
            Assert.False(serve.HasExited, $"serve exited with {(serve.HasExited ? serve.ExitCode : 0)}");
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return client;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        client.Dispose();
        throw new TimeoutException("serve did not answer /health");
    }

    private static async Task<string> WaitForAsync(HttpClient client, string id, params string[] statuses)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/analyses/{id}", UriKind.Relative));
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var status = document.RootElement.GetProperty("status").GetString()!;
            if (statuses.Contains(status))
            {
                return status;
            }

            Assert.True(watch.Elapsed < Limit, $"analysis {id} is still {status}");
            await Task.Delay(20);
        }
    }
}
