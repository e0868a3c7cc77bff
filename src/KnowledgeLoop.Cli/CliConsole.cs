using Spectre.Console;

namespace KnowledgeLoop.Cli;

/// <summary>Where the CLI writes: results on stdout, progress and problems on stderr (DESIGN §9).</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        Out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        Err = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (Out.Profile.Out.IsTerminal is false)
        {
            // Redirected output still gets tables wide enough to read; a terminal keeps its own width.
            Out.Profile.Width = 160;
        }

        ShowsProgress = interactive;
    }

    /// <summary>Results (tables, JSON).</summary>
    public TextWriter Output { get; }

    /// <summary>Progress, warnings and problems.</summary>
    public TextWriter Error { get; }

    /// <summary>Rich rendering of results.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Rich rendering on stderr (progress bars).</summary>
    public IAnsiConsole Err { get; }

    /// <summary>Whether progress bars are drawn (stderr is a terminal).</summary>
    public bool ShowsProgress { get; }

    /// <summary>Runs <paramref name="work"/> under a progress display on stderr when it is a terminal.</summary>
    public async Task<T> WithProgressAsync<T>(string description, Func<IProgress<ProgressUpdate>, Task<T>> work)
    {
        if (!ShowsProgress)
        {
            return await work(new Progress<ProgressUpdate>(_ => { }));
        }

        return await Err.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: 1);
                task.IsIndeterminate = true;
                var progress = new SynchronousProgress<ProgressUpdate>(update =>
                {
                    task.Description = Markup.Escape(update.Description ?? description);
                    if (update.Total is > 0)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = update.Total.Value;
                        task.Value = Math.Min(update.Done, update.Total.Value);
                    }
                });
                var result = await work(progress);
                task.StopTask();
                return result;
            });
    }

    /// <summary>
    /// Runs multi-stage <paramref name="work"/> with one progress bar per stage on stderr (when it is a terminal):
    /// a report naming a new stage completes the bars before it and starts the stage's own bar.
    /// </summary>
    public async Task<T> WithStagesAsync<T>(Func<IProgress<StageUpdate>, Task<T>> work)
    {
        if (!ShowsProgress)
        {
            return await work(new SynchronousProgress<StageUpdate>(_ => { }));
        }

        return await Err.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                ProgressTask? current = null;
                var progress = new SynchronousProgress<StageUpdate>(update =>
                {
                    if (!tasks.TryGetValue(update.Stage, out var task))
                    {
                        if (current is not null)
                        {
                            current.Value = current.MaxValue;
                            current.StopTask();
                        }

                        task = tasks[update.Stage] = context.AddTask(Markup.Escape(update.Stage), maxValue: 1);
                        current = task;
                    }

                    task.Value = Math.Clamp(update.Fraction, 0, 1);
                });
                var result = await work(progress);
                if (current is not null)
                {
                    current.Value = current.MaxValue;
                    current.StopTask();
                }

                return result;
            });
    }

    /// <summary>Writes one line to stderr.</summary>
    public void Note(string line) => Error.WriteLine(line);

    /// <summary>IProgress that reports on the caller's thread, so updates arrive in order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

/// <summary>A stage's progress: its name and the share of it done (0..1).</summary>
internal readonly record struct StageUpdate(string Stage, double Fraction);

/// <summary>A progress step: what is being done, how much of how much (Total null when unknown).</summary>
internal readonly record struct ProgressUpdate(string? Description, long Done, long? Total);
