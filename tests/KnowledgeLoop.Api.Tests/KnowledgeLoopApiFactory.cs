using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeLoop.Api.Tests;

/// <summary>
/// The one host factory the API tests share: the real ASP.NET Core pipeline, in memory, on a store of its own in a
/// temporary folder (deleted on dispose unless the store was handed in), with configuration overrides.
/// </summary>
public sealed class KnowledgeLoopApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The key the factory configures unless told otherwise.</summary>
    public const string ApiKey = "test-key-5f1c2a";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string? _ownedFolder;

    /// <summary>A factory on a fresh store with the test API key.</summary>
    public KnowledgeLoopApiFactory()
        : this(null, null, null)
    {
    }

    /// <summary>A factory on <paramref name="storePath"/> (or a fresh store), with <paramref name="settings"/> over the defaults.</summary>
    internal KnowledgeLoopApiFactory(string? storePath, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        if (storePath is null)
        {
            _ownedFolder = Path.Combine(Path.GetTempPath(), "kl-api-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_ownedFolder);
            storePath = Path.Combine(_ownedFolder, "store.db");
        }

        StorePath = storePath;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["KnowledgeLoop:Store:Path"] = storePath,
            ["KnowledgeLoop:ApiKey"] = ApiKey,
            ["KnowledgeLoop:RateLimit:PermitLimit"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _services = services;
    }

    /// <summary>The store file this host serves.</summary>
    public string StorePath { get; }

    /// <summary>A client that sends the API key.</summary>
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

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownedFolder is not null)
        {
            try
            {
                Directory.Delete(_ownedFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing background task; the temp folder is cleaned eventually.
            }
        }
    }
}
