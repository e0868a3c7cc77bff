using System.Net;
using System.Text.Json;

namespace KnowledgeLoop.Api.Tests;

/// <summary>Starting analyses and waiting for them through the API.</summary>
internal static class AnalysisPolling
{
    /// <summary>Posts an analysis and returns its id.</summary>
    public static async Task<string> StartAsync(HttpClient client, string body = "{}")
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/analyses", UriKind.Relative), content);
        var status = await ApiAssert.JsonAsync(response, HttpStatusCode.Accepted);
        return status.GetProperty("id").GetString()!;
    }

    /// <summary>Polls until the analysis is in one of <paramref name="statuses"/>, and returns its status document.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string id, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/analyses/{id}", UriKind.Relative));
            var status = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
            if (statuses.Contains(status.GetProperty("status").GetString()))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"analysis {id} is still {status}");
            await Task.Delay(50);
        }
    }
}
