using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Qdrant;
using KnowledgeLoop.Infrastructure.Tests.Http;

namespace KnowledgeLoop.Infrastructure.Tests.Qdrant;

/// <summary>
/// The adapter against a real Qdrant, opt-in: <c>KNOWLEDGELOOP_TEST_QDRANT_URL=http://localhost:6333</c> (and
/// <c>KNOWLEDGELOOP_TEST_QDRANT_API_KEY</c> when the server has one). Uses a throw-away collection.
/// </summary>
public sealed class RealQdrantTests
{
    private const string Variable = "KNOWLEDGELOOP_TEST_QDRANT_URL";

    [ExternalServerFact(Variable)]
    public async Task QdrantVectorIndex_RealServer_UpsertsSearchesFiltersAndDeletes()
    {
        using var http = new HttpClient();
        var options = new QdrantOptions
        {
            Url = new Uri(Environment.GetEnvironmentVariable(Variable)!),
            ApiKey = Environment.GetEnvironmentVariable("KNOWLEDGELOOP_TEST_QDRANT_API_KEY"),
        };
        var collection = "knowledgeloop_test_" + Guid.NewGuid().ToString("N")[..8];
        var index = await QdrantVectorIndex.OpenAsync(http, options, collection, 3);
        try
        {
            await index.UpsertAsync(
            [
                new VectorItem("a", new float[] { 1, 0, 0 }, new VectorPayload("billing", DateTimeOffset.UnixEpoch, "success")),
                new VectorItem("b", new float[] { 0.8f, 0.6f, 0 }, new VectorPayload("billing", DateTimeOffset.UnixEpoch, "failure")),
                new VectorItem("c", new float[] { 0, 0, 1 }, new VectorPayload("login", DateTimeOffset.UnixEpoch, "failure")),
            ]);

            var all = await index.SearchAsync(new float[] { 1, 0.1f, 0 }, 2);
            var failed = await index.SearchAsync(new float[] { 1, 0.1f, 0 }, 5, new VectorFilter(Outcomes: new HashSet<string> { "failure" }));
            await index.DeleteAsync(["a"]);

            Assert.Equal(["a", "b"], all.Select(h => h.Id));
            Assert.Equal(["b", "c"], failed.Select(h => h.Id));
            Assert.Equal(2, await index.CountAsync());
        }
        finally
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(options.Url, "collections/" + collection));
            if (options.ApiKey is not null)
            {
                delete.Headers.Add("api-key", options.ApiKey);
            }

            (await http.SendAsync(delete)).Dispose();
        }
    }
}
