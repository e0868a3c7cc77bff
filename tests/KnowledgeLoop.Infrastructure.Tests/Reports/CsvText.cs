using System.Text;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

/// <summary>A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes; throws on anything else.</summary>
internal static class CsvText
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (cell.Length == 0 && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted field.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\r'))
                {
                    throw new FormatException($"Text after a closing quote at {i}.");
                }

                continue;
            }

            switch (text[i])
            {
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    i++;
                    break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        throw new FormatException($"Bare CR at {i}.");
                    }

                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(row);
                    row = [];
                    i += 2;
                    break;
                case '\n':
                    throw new FormatException($"Bare LF at {i}.");
                case '"':
                    throw new FormatException($"Quote inside an unquoted field at {i}.");
                default:
                    cell.Append(text[i++]);
                    break;
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            throw new FormatException("The last record lacks its CRLF.");
        }

        return rows;
    }
}
