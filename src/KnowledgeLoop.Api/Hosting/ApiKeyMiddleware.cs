using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>
/// Guards the API with <c>X-Api-Key</c>: every write (POST, PUT, PATCH, DELETE) under <c>/api</c>, and reads of
/// <c>/api</c> and <c>/openapi</c> too when <see cref="AccessOptions.RequireKeyForReads"/> is set. Health checks and the
/// page are open. Keys are compared as SHA-256 hashes with <see cref="CryptographicOperations.FixedTimeEquals"/>, so
/// neither content nor length leaks through timing, and are never logged. With no key configured, writes are open
/// only on a loopback-only server or when <see cref="AccessOptions.AllowAnonymousWrites"/> is set.
/// </summary>
internal sealed partial class ApiKeyMiddleware
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    private readonly RequestDelegate _next;
    private readonly byte[][] _keyHashes;
    private readonly bool _requireForReads;
    private readonly bool _allowAnonymousWrites;
    private readonly IServer _server;
    private bool? _loopbackOnly;

    public ApiKeyMiddleware(RequestDelegate next, IOptions<AccessOptions> options, IConfiguration configuration, IServer server, ILogger<ApiKeyMiddleware> logger)
    {
        _next = next;
        _server = server;
        var access = options.Value;
        _keyHashes = access.AllKeys(configuration[AccessOptions.EnvironmentVariable]).Select(Hash).ToArray();
        _requireForReads = access.RequireKeyForReads;
        _allowAnonymousWrites = access.AllowAnonymousWrites;
        if (_keyHashes.Length == 0)
        {
            LogNoKey(logger, _allowAnonymousWrites);
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isApi = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        var isWrite = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        var guarded = (isApi && isWrite)
            || (_requireForReads && (isApi || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)));
        if (!guarded)
        {
            await _next(context);
            return;
        }

        if (_keyHashes.Length == 0)
        {
            if (!isWrite || _allowAnonymousWrites || IsLoopbackOnly())
            {
                await _next(context);
                return;
            }

            await TypedResults.Problem(
                title: "Writes are disabled",
                detail: "This service has no API key configured and listens beyond loopback, so it accepts no writes.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        if (!Matches(context.Request.Headers[HeaderName].ToString()))
        {
            await TypedResults.Problem(
                title: "Unauthorized",
                detail: $"This request needs a valid {HeaderName} header.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        await _next(context);
    }

    private bool Matches(string presented)
    {
        var hash = Hash(presented);
        var match = false;
        foreach (var key in _keyHashes)
        {
            // No early exit: every key is compared, so timing doesn't tell which one (if any) matched.
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    // The addresses are known once the server has started, i.e. by the first request. An in-process test server has none.
    private bool IsLoopbackOnly() => _loopbackOnly ??= (_server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).All(IsLoopback);

    private static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key is configured: writes are open on loopback only (AllowAnonymousWrites: {AllowAnonymousWrites}). Set KnowledgeLoop:ApiKey or KNOWLEDGELOOP_API_KEY to guard them.")]
    private static partial void LogNoKey(ILogger logger, bool allowAnonymousWrites);
}
