namespace KnowledgeLoop.Core.Matching;

/// <summary>A piece of an article, about one heading's worth of text, embedded on its own.</summary>
/// <param name="ArticleId">The article it comes from.</param>
/// <param name="Index">Its position in the article, from 0.</param>
/// <param name="Heading">The heading it sits under (the article title for the text before the first heading).</param>
/// <param name="Text">What is embedded: the article title, the heading and the section text.</param>
/// <param name="Words">Words of section text in the chunk.</param>
public sealed record ArticleChunk(string ArticleId, int Index, string Heading, string Text, int Words);
