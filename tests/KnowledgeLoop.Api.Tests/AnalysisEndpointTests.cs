using System.Net;
using System.Text;
using KnowledgeLoop.Api.Features.Analyses;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeLoop.Api.Tests;

public sealed class AnalysisEndpointTests : IDisposable
{
    private const string Interrupted = "interrupted: the service stopped before it finished";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kl-api-analyses-" + Guid.NewGuid().ToString("N"));
    private readonly GateObserver _gate = new();

    public AnalysisEndpointTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _gate.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>A store with a few hundred generated tickets.</summary>
    private async Task<string> SmallStoreAsync()
    {
        var data = new SampleDataGenerator(new SampleDataOptions { Seed = 5, Tickets = 400 }).Generate(Path.Combine(_folder, "data"));
        var path = Path.Combine(_folder, "store.db");
        using var store = KnowledgeStore.Open(path);
        Assert.True((await new StoreImporter(store).ImportTicketsAsync(data.TicketsPath, new ImportOptions())).Committed);
        return path;
    }

    private KnowledgeLoopApiFactory GatedFactory(string storePath, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(storePath, settings, services => services.Replace(ServiceDescriptor.Singleton<IAnalysisObserver>(_gate)));

    [Fact]
    public async Task Post_Analysis_Returns202WithLocationAndQueuedStatus()
    {
        using var factory = new KnowledgeLoopApiFactory();
        using var client = factory.CreateKeyedClient();
        using var content = new StringContent("""{"seed":7,"clusters":12,"as_of":"2026-09-30T00:00:00Z"}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Url("/api/analyses"), content);

        var status = await ApiAssert.JsonAsync(response, HttpStatusCode.Accepted);
        var id = status.GetProperty("id").GetString()!;
        Assert.StartsWith("a-", id, StringComparison.Ordinal);
        Assert.Equal($"/api/analyses/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("queued", status.GetProperty("status").GetString());
        Assert.Equal(7, status.GetProperty("seed").GetInt32());
        Assert.Equal(12, status.GetProperty("clusters").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero), status.GetProperty("as_of").GetDateTimeOffset());
    }

    [Fact]
    public async Task Analysis_OnAnEmptyStore_FailsWithAReason()
    {
        using var factory = new KnowledgeLoopApiFactory();
        using var client = factory.CreateKeyedClient();

        var id = await AnalysisPolling.StartAsync(client);
        var status = await AnalysisPolling.WaitForAsync(client, id, TimeSpan.FromSeconds(30), "failed", "succeeded");

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("no tickets", status.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var report = await client.GetAsync(Url($"/api/analyses/{id}/report"));
        await ApiAssert.ProblemAsync(report, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"clusters":1}""", "clusters")]
    [InlineData("""{"seed":"many"}""", "seed")]
    [InlineData("""{"as_of":"soon"}""", "as_of")]
    [InlineData("""{"seed":""", "body")]
    public async Task Post_BadBody_Returns400NamingTheField(string body, string field)
    {
        using var factory = new KnowledgeLoopApiFactory();
        using var client = factory.CreateKeyedClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Url("/api/analyses"), content);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ApiAssert.FieldErrors(problem, field));
    }

    [Fact]
    public async Task UnknownAnalysis_Get_And_Delete_Return404()
    {
        using var factory = new KnowledgeLoopApiFactory();
        using var client = factory.CreateKeyedClient();

        using var get = await client.GetAsync(Url("/api/analyses/a-missing"));
        using var delete = await client.DeleteAsync(Url("/api/analyses/a-missing"));

        await ApiAssert.ProblemAsync(get, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(delete, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RunningAnalysis_EndsCancelledMidRun()
    {
        using var factory = GatedFactory(await SmallStoreAsync());
        using var client = factory.CreateKeyedClient();
        var id = await AnalysisPolling.StartAsync(client);
        Assert.True(await _gate.WaitUntilHeldAsync());

        var running = await AnalysisPolling.WaitForAsync(client, id, TimeSpan.FromSeconds(10), "running");
        using var delete = await client.DeleteAsync(Url($"/api/analyses/{id}"));
        var accepted = await ApiAssert.JsonAsync(delete, HttpStatusCode.Accepted);
        var ended = await AnalysisPolling.WaitForAsync(client, id, TimeSpan.FromSeconds(30), "cancelled", "succeeded", "failed");

        Assert.Equal("Embedding", running.GetProperty("stage").GetString());
        Assert.InRange(running.GetProperty("percent").GetDouble(), 1, 99);
        Assert.Contains(accepted.GetProperty("status").GetString(), RunningOrCancelled);
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.Equal(JsonValueKindNull, ended.GetProperty("error").ValueKind);
        Assert.True(ended.TryGetProperty("finished_at", out var finished) && finished.ValueKind != JsonValueKindNull);
        using var again = await client.DeleteAsync(Url($"/api/analyses/{id}"));
        await ApiAssert.ProblemAsync(again, HttpStatusCode.Conflict);
        using var report = await client.GetAsync(Url($"/api/analyses/{id}/report"));
        await ApiAssert.ProblemAsync(report, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Queue_WhenFull_Returns503_AndAQueuedAnalysisCancelsAtOnce()
    {
        using var factory = GatedFactory(await SmallStoreAsync(), new Dictionary<string, string?> { ["KnowledgeLoop:Analyses:QueueCapacity"] = "1" });
        using var client = factory.CreateKeyedClient();
        var running = await AnalysisPolling.StartAsync(client);
        Assert.True(await _gate.WaitUntilHeldAsync());
        var queued = await AnalysisPolling.StartAsync(client);

        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var refused = await client.PostAsync(Url("/api/analyses"), content);
        using var cancelQueued = await client.DeleteAsync(Url($"/api/analyses/{queued}"));
        using var cancelRunning = await client.DeleteAsync(Url($"/api/analyses/{running}"));

        await ApiAssert.ProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("cancelled", (await ApiAssert.JsonAsync(cancelQueued, HttpStatusCode.Accepted)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, cancelRunning.StatusCode);
        await AnalysisPolling.WaitForAsync(client, running, TimeSpan.FromSeconds(30), "cancelled");
        using var list = await client.GetAsync(Url("/api/analyses"));
        Assert.Equal(2, (await ApiAssert.JsonAsync(list, HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Restart_WithAnalysesLeftRunningOrQueued_MarksThemFailedWithTheReason()
    {
        var storePath = Path.Combine(_folder, "previous.db");
        var before = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        using (var store = KnowledgeStore.Open(storePath))
        {
            var repository = new AnalysisRepository(store);
            repository.Insert(new AnalysisRecord { Id = "a-left-running", Status = AnalysisRunStatus.Running, Stage = "Clustering", Percent = 55, CreatedAt = before, StartedAt = before });
            repository.Insert(new AnalysisRecord { Id = "a-left-queued", Status = AnalysisRunStatus.Queued, CreatedAt = before.AddSeconds(1) });
            repository.Insert(new AnalysisRecord { Id = "a-done", Status = AnalysisRunStatus.Cancelled, CreatedAt = before.AddSeconds(-1), FinishedAt = before });
        }

        using var factory = new KnowledgeLoopApiFactory(storePath);
        using var client = factory.CreateClient();

        foreach (var id in new[] { "a-left-running", "a-left-queued" })
        {
            using var response = await client.GetAsync(Url($"/api/analyses/{id}"));
            var status = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
            Assert.Equal("failed", status.GetProperty("status").GetString());
            Assert.Equal(Interrupted, status.GetProperty("error").GetString());
            Assert.NotEqual(JsonValueKindNull, status.GetProperty("finished_at").ValueKind);
        }

        using var done = await client.GetAsync(Url("/api/analyses/a-done"));
        Assert.Equal("cancelled", (await ApiAssert.JsonAsync(done, HttpStatusCode.OK)).GetProperty("status").GetString());
        using var latest = await client.GetAsync(Url("/api/analyses/latest"));
        Assert.Equal("a-left-queued", (await ApiAssert.JsonAsync(latest, HttpStatusCode.OK)).GetProperty("id").GetString());
        Assert.Equal(Interrupted, AnalysisWorker.InterruptedReason);
    }

    private static readonly string[] RunningOrCancelled = ["running", "cancelled"];

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
