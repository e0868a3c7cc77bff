using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Reliability.Tests.Crash;

/// <summary>A 200,000-ticket sample data set generated once for the crash tests, in a temporary folder.</summary>
public sealed class LargeDataSet : IDisposable
{
    public const int TicketCount = 200_000;

    public LargeDataSet()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kl-reliability-crash-" + Guid.NewGuid().ToString("N"));
        Result = new SampleDataGenerator(new SampleDataOptions { Tickets = TicketCount, Seed = 11 }).Generate(Path.Combine(Folder, "data"));
    }

    public string Folder { get; }

    public SampleDataResult Result { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
