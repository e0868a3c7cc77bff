using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Reliability.Tests.Hosting;

namespace KnowledgeLoop.Reliability.Tests.Fuzzing;

/// <summary>
/// The same hostile files through <c>POST /api/tickets|articles|sessions</c>, as multipart uploads and as JSON bodies:
/// every answer is 200 with exactly the file's good rows written, or a ProblemDetails (400/413/415) with nothing
/// written; never a 500, never a hang; and whatever was stored reads back as valid UTF-8 JSON.
/// </summary>
public sealed class UploadFuzzTests
{
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(15);
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData(FuzzKind.Tickets, 5005, 150)]
    [InlineData(FuzzKind.Articles, 6006, 100)]
    [InlineData(FuzzKind.Sessions, 7007, 100)]
    public async Task Upload_MutatedFiles_WriteExactlyTheGoodRowsOrAProblemAndNothing(FuzzKind kind, int seed, int cases)
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateKeyedClient();
        var inputs = new FuzzInputs(seed);
        var random = new Random(seed);
        var accepted = 0;
        var refused = 0;
        for (var n = 0; n < cases; n++)
        {
            var input = inputs.Next(n, kind);
            var partial = random.Next(3) == 0;
            var asJson = random.Next(3) == 0 && !input.FileName.EndsWith(".csv", StringComparison.Ordinal);
            var (good, anyBad, fileProblem) = await ExpectedAsync(input);
            var before = Counts(factory.StorePath);
            var newIds = good.Count(id => !Exists(factory.StorePath, kind, id));

            using var timeout = new CancellationTokenSource(CaseLimit);
            using HttpContent content = asJson ? Json(input) : Multipart(input);
            var url = new Uri($"/api/{kind.ToString().ToLowerInvariant()}{(partial ? "?allowPartial=true" : "")}", UriKind.Relative);
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsync(url, content, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{input}: no answer within {CaseLimit}");
                return;
            }

            using (response)
            {
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                var text = AssertUtf8Json(input, body);
                var after = Counts(factory.StorePath);
                var delta = Delta(kind, before, after);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType,
                    $"{input} (json {asJson}): {(int)response.StatusCode} {text}\n{string.Join("\n", factory.Logs.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal)).TakeLast(1))}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    accepted++;
                    using var result = JsonDocument.Parse(body);
                    var count = result.RootElement.GetProperty("accepted").GetInt64();
                    Assert.True(delta <= count, $"{input}: {delta} rows added but {count} reported");
                    if (!asJson)
                    {
                        Assert.True(!anyBad || (partial && !fileProblem), $"{input}: accepted a file with bad rows without allowPartial: {text}");
                        Assert.True(delta == newIds, $"{input}: {delta} rows added, expected {newIds}: {text}");
                    }
                }
                else
                {
                    refused++;
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.True(delta == 0, $"{input}: a refused upload wrote {delta} rows: {text}");
                    Assert.Equal(before.Imports, after.Imports);
                    if (!asJson)
                    {
                        Assert.True(anyBad && !(partial && !fileProblem), $"{input}: refused a file the reader finds good: {text}");
                    }
                }
            }
        }

        Assert.True(accepted >= cases / 10 && refused >= cases / 10, $"accepted {accepted}, refused {refused}: the mix tests too little");
        await AssertStoredTextReadsBackAsUtf8Async(factory, client, kind);
    }

    [Theory]
    [InlineData("lone-surrogate")]
    [InlineData("invalid-utf8")]
    [InlineData("pretty-printed")]
    public async Task JsonBatch_OddButParseableText_IsAnsweredWithoutA500(string variant)
    {
        // Found by the fuzzer: the batch was re-serialized, which throws on these (a 500 with nothing located).
        using var factory = new ServiceFactory();
        using var client = factory.CreateKeyedClient();
        var subject = variant switch
        {
            "lone-surrogate" => "\"broken \\ud800 text\"",
            "invalid-utf8" => "\"broken \u00ff text\"",
            _ => "\"fine\"",
        };
        var json = Encoding.UTF8.GetBytes($$"""[{"id":"R-1",{{"\n"}}"created_at":"2026-06-01T10:00:00Z","customer_id":"C-1","subject":{{subject}}},{"id":"R-2","created_at":"2026-06-01","customer_id":"C-2","subject":"ok"}]""");
        if (variant == "invalid-utf8")
        {
            var at = Array.IndexOf(json, (byte)0xC3); // "\u00ff" encodes as C3 BF: keep C3, break its continuation byte
            json[at + 1] = (byte)'(';
        }

        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri("/api/tickets", UriKind.Relative), content);

        var text = AssertUtf8Json(null, await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var tickets = Counts(factory.StorePath).Tickets;
        Assert.Equal(response.StatusCode == HttpStatusCode.OK ? 2 : 0, tickets);
        if (variant == "pretty-printed")
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task AssertStoredTextReadsBackAsUtf8Async(ServiceFactory factory, HttpClient client, FuzzKind kind)
    {
        using var store = KnowledgeStore.Open(factory.StorePath);
        if (kind == FuzzKind.Tickets)
        {
            foreach (var ticket in store.ReadTickets().Take(200))
            {
                using var response = await client.GetAsync(new Uri("/api/tickets/" + Uri.EscapeDataString(ticket.Id), UriKind.Relative));
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"ticket {ticket.Id}: {(int)response.StatusCode}");
                AssertUtf8Json(null, body);
            }
        }
        else if (kind == FuzzKind.Articles)
        {
            using var response = await client.GetAsync(new Uri("/api/articles?limit=500", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertUtf8Json(null, await response.Content.ReadAsByteArrayAsync());
        }
    }

    private static string AssertUtf8Json(FuzzCase? input, byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException exception)
        {
            Assert.Fail($"{input}: the response is not valid UTF-8: {exception.Message}");
            throw;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            Assert.Fail($"{input}: the response is not JSON: {exception.Message}: {text}");
        }

        return text;
    }

    private static MultipartFormDataContent Multipart(FuzzCase input)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(input.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", input.FileName);
        return form;
    }

    private static ByteArrayContent Json(FuzzCase input)
    {
        var content = new ByteArrayContent(input.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<(HashSet<string> Good, bool AnyBad, bool FileProblem)> ExpectedAsync(FuzzCase input)
    {
        var good = new HashSet<string>(StringComparer.Ordinal);
        var anyBad = false;
        var fileProblem = false;
        using var stream = new MemoryStream(input.Bytes);
        var options = new ImportOptions();
        void Add(bool valid, string? id, object? raw)
        {
            if (valid)
            {
                good.Add(id!);
            }
            else
            {
                anyBad = true;
                fileProblem |= raw is null;
            }
        }

        switch (input.Kind)
        {
            case FuzzKind.Tickets:
                await foreach (var row in ExportReader.ReadTicketsAsync(stream, input.FileName, options))
                {
                    Add(row.IsValid, row.Entity?.Id, row.Raw);
                }

                break;
            case FuzzKind.Articles:
                await foreach (var row in ExportReader.ReadArticlesAsync(stream, input.FileName, options))
                {
                    Add(row.IsValid, row.Entity?.Id, row.Raw);
                }

                break;
            default:
                await foreach (var row in ExportReader.ReadSessionsAsync(stream, input.FileName, options))
                {
                    Add(row.IsValid, row.Entity?.Id, row.Raw);
                }

                break;
        }

        return (good, anyBad, fileProblem);
    }

    private static StoreCounts Counts(string path)
    {
        using var store = KnowledgeStore.Open(path);
        return store.Count();
    }

    private static bool Exists(string path, FuzzKind kind, string id)
    {
        using var store = KnowledgeStore.Open(path);
        return kind switch
        {
            FuzzKind.Tickets => store.FindTicket(id) is not null,
            FuzzKind.Articles => store.ReadArticles().Any(a => a.Id == id),
            _ => store.ReadSessions().Any(s => s.Id == id),
        };
    }

    private static long Delta(FuzzKind kind, StoreCounts before, StoreCounts after) => kind switch
    {
        FuzzKind.Tickets => after.Tickets - before.Tickets,
        FuzzKind.Articles => after.Articles - before.Articles,
        _ => after.Sessions - before.Sessions,
    };
}
