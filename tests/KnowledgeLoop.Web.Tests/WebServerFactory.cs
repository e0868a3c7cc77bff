using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeLoop.Web.Tests;

/// <summary>The real service on Kestrel at 127.0.0.1 (a free port), over the test's own store, with an API key set.</summary>
public sealed class WebServerFactory : WebApplicationFactory<Program>
{
    private readonly string _storePath;
    private readonly string _apiKey;

    /// <summary>A factory for the store at <paramref name="storePath"/>; call <see cref="WebApplicationFactory{T}.StartServer"/> to start.</summary>
    public WebServerFactory(string storePath, string apiKey)
    {
        _storePath = storePath;
        _apiKey = apiKey;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("KnowledgeLoop:Store:Path", _storePath);
        builder.UseSetting("KnowledgeLoop:ApiKey", _apiKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
