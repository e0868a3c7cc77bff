using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeLoop.Reliability.Tests.Hosting;

/// <summary>
/// The real service in memory (as the API tests host it) on a store in a temporary folder, with configuration
/// overrides and every log entry captured at Trace level.
/// </summary>
internal sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "rel-key-9d3e7b51c0";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;

    public ServiceFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _folder = Path.Combine(Path.GetTempPath(), "kl-reliability-api-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        StorePath = Path.Combine(_folder, "store.db");
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["KnowledgeLoop:Store:Path"] = StorePath,
            ["KnowledgeLoop:ApiKey"] = ApiKey,
            ["KnowledgeLoop:RateLimit:PermitLimit"] = "100000",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string StorePath { get; }

    public CapturedLogs Logs { get; } = new();

    public HttpClient CreateKeyedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing background task; the temp folder is cleaned eventually.
            }
        }
    }
}
