using System.Security.Cryptography;
using System.Text;

namespace KnowledgeLoop.Infrastructure.Qdrant;

/// <summary>
/// Qdrant point ids are unsigned integers or UUIDs, never arbitrary strings; ticket ids ("zendesk:12345") become
/// name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and the id), so the same id always maps to the same
/// point and re-imports overwrite instead of duplicating.
/// </summary>
public static class QdrantPointId
{
    /// <summary>The namespace UUID of KnowledgeLoop's point ids.</summary>
    public static readonly Guid Namespace = new("6c1b3c52-0d5e-4c0e-9a47-7e3f2d9b8a10");

    /// <summary>The point id of <paramref name="id"/>, in canonical hyphenated form.</summary>
    public static string From(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var name = Encoding.UTF8.GetBytes(id);
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        // SHA-1 is what version 5 UUIDs are defined with; the ids are names, not secrets.
#pragma warning disable CA5350
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
