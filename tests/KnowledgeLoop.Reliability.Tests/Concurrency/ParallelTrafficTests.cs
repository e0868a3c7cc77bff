using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Reliability.Tests.Hosting;
using KnowledgeLoop.Reliability.Tests.Outputs;
using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Reliability.Tests.Concurrency;

/// <summary>
/// Uploads, analyses and searches at once over HTTP against one store: every upload lands (exact row counts at the
/// end), no answer is a 500, and no store error (<c>database is locked</c>, <c>busy</c>) ever reaches a client.
/// </summary>
public sealed class ParallelTrafficTests
{
    private const int Chunk = 250;
    private static readonly string[] ReadPaths = ["/api/similar?q=invoice%20email%20bounced", "/api/metrics", "/api/gaps", "/api/articles", "/api/analyses"];

    [Fact]
    public async Task UploadsAnalysesAndSearches_InParallel_LeaveExactCountsAndNoStoreErrors()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kl-reliability-parallel-" + Guid.NewGuid().ToString("N"));
        try
        {
            var data = new SampleDataGenerator(new SampleDataOptions { Tickets = 6_000, Seed = 21, Months = 3 }).Generate(Path.Combine(folder, "data"));
            var table = Rfc4180.Parse(await File.ReadAllTextAsync(data.TicketsPath));
            var header = table[0];
            var chunks = table.Skip(1).Chunk(Chunk).Select(rows => Rfc4180.Write([header, .. rows])).ToList();
            var articles = Directory.GetFiles(data.ArticlesDirectory, "*.md");

            using var factory = new ServiceFactory(new Dictionary<string, string?> { ["KnowledgeLoop:Analyses:QueueCapacity"] = "8" });
            using var client = factory.CreateKeyedClient();
            var failures = new ConcurrentBag<string>();
            var done = new CancellationTokenSource();

            async Task Check(HttpResponseMessage response, string what, params HttpStatusCode[] allowed)
            {
                var body = await response.Content.ReadAsStringAsync();
                var shown = body.Length > 500 ? body[..500] : body;
                if (!allowed.Contains(response.StatusCode))
                {
                    failures.Add($"{what}: {(int)response.StatusCode} {shown}");
                }

                if (body.Contains("database is locked", StringComparison.OrdinalIgnoreCase) || body.Contains("SQLite Error", StringComparison.OrdinalIgnoreCase)
                    || body.Contains("SQLITE_BUSY", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{what}: a store error reached the client: {shown}");
                }
            }

            var pending = new ConcurrentQueue<(string Name, string Kind, byte[] Bytes)>(
                chunks.Select((c, i) => ($"tickets-{i}.csv", "tickets", Encoding.UTF8.GetBytes(c)))
                    .Concat(articles.Select(a => (Path.GetFileName(a), "articles", File.ReadAllBytes(a)))));
            var uploaders = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                while (pending.TryDequeue(out var item))
                {
                    using var form = new MultipartFormDataContent();
                    var file = new ByteArrayContent(item.Bytes);
                    file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                    form.Add(file, "file", item.Name);
                    using var response = await client.PostAsync(new Uri($"/api/{item.Kind}", UriKind.Relative), form);
                    await Check(response, "upload " + item.Name, HttpStatusCode.OK);
                }
            })).ToList();

            var analyses = new ConcurrentBag<string>();
            var analyst = Task.Run(async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    await Task.Delay(300);
                    using var content = new StringContent("{}", Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(new Uri("/api/analyses", UriKind.Relative), content);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        analyses.Add(body.RootElement.GetProperty("id").GetString()!);
                    }
                    else
                    {
                        await Check(response, "analysis", HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable);
                    }
                }
            });

            var readers = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
            {
                var n = 0;
                while (!done.IsCancellationRequested)
                {
                    var path = ReadPaths[(n++ + r) % ReadPaths.Length];
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                    await Check(response, "GET " + path, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.NotFound);
                }
            })).ToList();

            await Task.WhenAll(uploaders).WaitAsync(TimeSpan.FromMinutes(3));
            await analyst;
            foreach (var id in analyses)
            {
                var status = await WaitForEndAsync(client, id);
                Assert.DoesNotContain("database is locked", status, StringComparison.OrdinalIgnoreCase);
            }

            await done.CancelAsync();
            await Task.WhenAll(readers);

            Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
            Assert.NotEmpty(analyses);
            using var store = KnowledgeStore.Open(factory.StorePath);
            var counts = store.Count();
            Assert.Equal(data.Tickets, counts.Tickets);
            Assert.Equal(articles.Length, counts.Articles);
            Assert.Equal(chunks.Count + articles.Length, counts.Imports);
            Assert.Equal("ok", store.CheckIntegrity());
        }
        finally
        {
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

    private static async Task<string> WaitForEndAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/analyses/{id}", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return text;
            }

            Assert.True(DateTime.UtcNow < deadline, $"analysis {id} did not end: {text}");
            await Task.Delay(50);
        }
    }
}
