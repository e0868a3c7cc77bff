namespace KnowledgeLoop.Reliability.Tests.Fuzzing;

/// <summary>One generated input: its kind, a file name whose extension picks the reader, the bytes, and how it was made.</summary>
internal sealed record FuzzCase(int Number, FuzzKind Kind, string FileName, byte[] Bytes, string Recipe)
{
    public override string ToString() => $"case {Number} ({Kind}, {FileName}, {Bytes.Length:N0} bytes): {Recipe}";
}
