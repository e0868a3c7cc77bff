using System.Net;

namespace KnowledgeLoop.Infrastructure.Qdrant;

/// <summary>Qdrant refused a request: the message says what and what to do; <see cref="StatusCode"/> is the HTTP status.</summary>
public sealed class QdrantException : Exception
{
    /// <summary>An error with a message.</summary>
    public QdrantException()
    {
    }

    /// <summary>An error with a message.</summary>
    public QdrantException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message and its cause.</summary>
    public QdrantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An error from a response.</summary>
    public QdrantException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status Qdrant answered with, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
