namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>A problem with a whole file that stops an import before any row is read (a bad mapping file, a missing metrics file).</summary>
public sealed class ImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImportException()
        : this(string.Empty, "the import failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ImportException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ImportException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>Creates the exception for a file.</summary>
    public ImportException(string file, string message, Exception? innerException = null)
        : base(string.IsNullOrEmpty(file) ? message : $"{file}: {message}", innerException)
    {
        File = file;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }
}
