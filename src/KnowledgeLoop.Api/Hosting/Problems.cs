using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>The ProblemDetails results the endpoints share.</summary>
internal static class Problems
{
    /// <summary>404 with what was not found.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>413 with the limit that was passed.</summary>
    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(title: "Request too large", detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>409 when no analysis has produced what the request needs.</summary>
    public static ProblemHttpResult NoAnalysis(string detail) =>
        TypedResults.Problem(title: "No analysis yet", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
