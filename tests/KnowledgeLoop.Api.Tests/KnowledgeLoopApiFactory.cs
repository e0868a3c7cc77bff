using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeLoop.Api.Tests;

/// <summary>The one host factory the API tests share: the real ASP.NET Core pipeline, in memory.</summary>
public sealed class KnowledgeLoopApiFactory : WebApplicationFactory<Program>;
