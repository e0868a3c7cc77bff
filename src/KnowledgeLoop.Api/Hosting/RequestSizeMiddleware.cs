using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>
/// Applies <see cref="LimitsOptions.MaxRequestBodyBytes"/>: a declared Content-Length over the limit is refused with
/// 413 ProblemDetails before anything is read; a body without a length is cut off by the server at the same limit.
/// </summary>
internal sealed class RequestSizeMiddleware(RequestDelegate next, IOptions<LimitsOptions> limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = limits.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await Problems.TooLarge(string.Create(CultureInfo.InvariantCulture, $"The request body is {length:N0} bytes; at most {limit:N0} are accepted."))
                .ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
