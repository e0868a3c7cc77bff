using System.Diagnostics;

namespace KnowledgeLoop.Reliability.Tests.Crash;

/// <summary>The real <c>knowledgeloop</c> command (built next to the tests) as a child process.</summary>
internal static class CliProcess
{
    public static string CommandPath => Path.Combine(AppContext.BaseDirectory, "knowledgeloop.dll");

    /// <summary>Starts the command with its output captured in the background.</summary>
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CommandPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the command");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs the command to the end and returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan limit, params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CommandPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the command");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"knowledgeloop {string.Join(' ', args)} ran past {limit}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
