using KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// <c>queries TICKETS.csv N</c>: N URL-encoded search texts for the HTTP latency benchmark, one per line, made from
/// the tickets' subjects and the first words of their descriptions (spread over the whole file, so queries vary).
/// </summary>
internal static class HttpQueries
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = args[1];
        var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var texts = new List<string>();
        await foreach (var row in ExportReader.ReadTicketsAsync(file, new ImportOptions()))
        {
            if (row.Entity is { } ticket)
            {
                var words = (ticket.Description ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8);
                texts.Add($"{ticket.Subject} {string.Join(' ', words)}".Trim());
            }
        }

        var step = Math.Max(1, texts.Count / Math.Max(1, count));
        foreach (var text in texts.Where((_, i) => i % step == 0).Take(count))
        {
            Console.WriteLine(Uri.EscapeDataString(text));
        }

        return 0;
    }
}
