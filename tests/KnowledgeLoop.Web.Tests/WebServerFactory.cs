using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeLoop.Web.Tests;

/// <summary>The real service on Kestrel at 127.0.0.1 (a free port), over the test's own store, with an API key set.</summary>
public sealed class WebServerFactory : WebApplicationFactory<Program>
{
    private readonly string _storePath;
    private readonly string _apiKey;
    private readonly bool _requireKeyForReads;

    /// <summary>A factory for the store at <paramref name="storePath"/>; call <see cref="WebApplicationFactory{T}.StartServer"/> to start.</summary>
    public WebServerFactory(string storePath, string apiKey, bool requireKeyForReads = false)
    {
        _storePath = storePath;
        _apiKey = apiKey;
        _requireKeyForReads = requireKeyForReads;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234/ (after the server has started).</summary>
    public Uri Address
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                if (address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
                {
                    return new Uri(address.TrimEnd('/') + "/", UriKind.Absolute);
                }
            }

            throw new InvalidOperationException("Kestrel did not report a 127.0.0.1 address: " + string.Join(", ", addresses));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("KnowledgeLoop:Store:Path", _storePath);
        builder.UseSetting("KnowledgeLoop:ApiKey", _apiKey);
        builder.UseSetting("KnowledgeLoop:RequireKeyForReads", _requireKeyForReads ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
