using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>A fitted model, the embeddings of the documents it was fitted on (row i = document i), and their tokens.</summary>
public sealed record LsaFitResult(LsaModel Model, VectorMatrix Vectors, TokenizedCorpus Corpus);
