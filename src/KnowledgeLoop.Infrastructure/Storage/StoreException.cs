namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>The store can't be opened or used: a newer schema, a file that isn't a KnowledgeLoop store, ...</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }

    /// <summary>Creates the exception with a message a user can act on.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
