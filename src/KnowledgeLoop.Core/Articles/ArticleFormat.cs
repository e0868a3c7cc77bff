namespace KnowledgeLoop.Core.Articles;

/// <summary>The format an article body was written in.</summary>
public enum ArticleFormat
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>Markdown; the body keeps its headings so articles can be chunked by heading.</summary>
    Markdown,

    /// <summary>HTML; the body holds the extracted text, headings as Markdown-style lines.</summary>
    Html,
}
