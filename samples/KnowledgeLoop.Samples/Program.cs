using System.Diagnostics;
using System.Globalization;
using KnowledgeLoop.Samples;

// dotnet run --project samples/KnowledgeLoop.Samples -- --out DIR [--tickets N] [--seed N] [--months N] [--start YYYY-MM-DD] [--customers N]
// Exit codes follow the CLI contract: 0 success, 1 bad input, 2 unexpected error. Progress on stderr.
const string Usage = "usage: KnowledgeLoop.Samples --out DIR [--tickets N] [--seed N] [--months N] [--start YYYY-MM-DD] [--customers N]";

string? outDir = null;
var options = new SampleDataOptions();
try
{
    for (var i = 0; i < args.Length; i++)
    {
        var name = args[i];
        if (name is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (i + 1 >= args.Length)
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        var value = args[++i];
        switch (name)
        {
            case "--out":
                outDir = value;
                break;
            case "--tickets":
                options.Tickets = ParseInt(name, value);
                break;
            case "--seed":
                options.Seed = ParseInt(name, value);
                break;
            case "--months":
                options.Months = ParseInt(name, value);
                break;
            case "--customers":
                options.Customers = ParseInt(name, value);
                break;
            case "--start":
                options.Start = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                    ? start
                    : throw new ArgumentException($"--start expects YYYY-MM-DD (got '{value}').");
                break;
            default:
                throw new ArgumentException($"unknown option '{name}'.");
        }
    }

    if (outDir is null)
    {
        throw new ArgumentException("--out is required.");
    }

    options.Validate();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 1;
}

try
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };

    var clock = Stopwatch.StartNew();
    var progress = new StderrProgress(options.Tickets, clock);
    var result = new SampleDataGenerator(options).Generate(outDir, progress, cancel.Token);
    progress.Finish();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Tickets:N0} tickets ({result.FollowUps:N0} follow-ups), {result.Sessions:N0} sessions, {result.Articles} articles, {result.Customers:N0} customers, {result.Start:yyyy-MM-dd}..{result.End.AddDays(-1):yyyy-MM-dd} -> {Path.GetFullPath(result.OutputDirectory)} in {clock.Elapsed.TotalSeconds:0.0} s"));
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled.");
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (UnauthorizedAccessException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

static int ParseInt(string name, string value) =>
    int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
        ? number
        : throw new ArgumentException($"{name} expects a whole number (got '{value}').");
