using KnowledgeLoop.Api.Hosting;

// The table of contents: everything is registered by AddKnowledgeLoopService (Core, Infrastructure, ProblemDetails,
// OpenAPI, limits, access) and wired by UseKnowledgeLoopService (pipeline and endpoints); `knowledgeloop serve`
// makes the same two calls.
var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeLoopService();

var app = builder.Build();
app.UseKnowledgeLoopService();
await app.RunAsync();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
