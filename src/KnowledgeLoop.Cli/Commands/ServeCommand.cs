using System.CommandLine;
using KnowledgeLoop.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>
/// <c>knowledgeloop serve</c>: the HTTP service and web page over a store, built by the same two calls as the Api
/// project's Program.cs. The key may also come from KNOWLEDGELOOP_API_KEY; every other setting from appsettings.json
/// next to the command or KNOWLEDGELOOP__... environment variables.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Where the service listens unless told otherwise: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliConsole console)
    {
        var store = new Option<FileInfo>("--store")
        {
            Description = "The SQLite store to serve (created if missing). Defaults to knowledgeloop.db in the current folder.",
            DefaultValueFactory = _ => new FileInfo("knowledgeloop.db"),
        };
        var urls = Urls();
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "The key writes (and, if configured, reads) must send in X-Api-Key. Also read from KNOWLEDGELOOP_API_KEY.",
        };
        var command = new Command("serve", "Serve the HTTP API and the web page over a store.") { store, urls, apiKey };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(console, parse.GetValue(store)!, parse.GetValue(urls)!, parse.GetValue(apiKey), cancellationToken));
        return command;
    }

    /// <summary>The <c>--urls</c> option, shared with <c>demo --serve</c>.</summary>
    public static Option<string> Urls() => new("--urls")
    {
        Description = $"Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';'). Defaults to {DefaultUrls}.",
        DefaultValueFactory = _ => DefaultUrls,
    };

    /// <summary>Serves <paramref name="store"/> until Ctrl+C (or <paramref name="cancellationToken"/>).</summary>
    public static async Task<int> RunAsync(CliConsole console, FileInfo store, string urls, string? apiKey, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["KnowledgeLoop:Store:Path"] = store.FullName };
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            settings["KnowledgeLoop:ApiKey"] = apiKey;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(urls);
        try
        {
            builder.AddKnowledgeLoopService();
        }
        catch (ArgumentException exception)
        {
            throw new CliException($"configuration: {exception.Message}");
        }

        await using var app = builder.Build();
        app.UseKnowledgeLoopService();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            throw new CliException(string.Join(" ", exception.Failures));
        }
        catch (IOException exception)
        {
            throw new CliException($"can't listen on {urls}: {exception.Message}");
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        await console.Output.WriteLineAsync($"Serving {store.FullName} on {string.Join(", ", addresses)} (Ctrl+C to stop)");
        await console.Output.FlushAsync(cancellationToken);
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: a normal stop.
        }

        return ExitCodes.Success;
    }
}
