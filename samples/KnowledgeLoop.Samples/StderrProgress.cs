using System.Diagnostics;
using System.Globalization;

namespace KnowledgeLoop.Samples;

/// <summary>Synchronous progress on stderr (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
internal sealed class StderrProgress(long total, Stopwatch clock) : IProgress<long>
{
    private const long Step = 50_000;
    private long _next = Step;

    public void Report(long value)
    {
        if (total < Step || value < _next)
        {
            return;
        }

        _next = ((value / Step) + 1) * Step;
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{value:N0} / {total:N0} tickets, {clock.Elapsed.TotalSeconds:0.0} s   "));
    }

    public void Finish()
    {
        if (total >= Step)
        {
            Console.Error.WriteLine();
        }
    }
}
