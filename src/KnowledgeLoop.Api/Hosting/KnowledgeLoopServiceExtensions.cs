using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using KnowledgeLoop.Api.Features.Analyses;
using KnowledgeLoop.Api.Features.Articles;
using KnowledgeLoop.Api.Features.Gaps;
using KnowledgeLoop.Api.Features.Health;
using KnowledgeLoop.Api.Features.Metrics;
using KnowledgeLoop.Api.Features.Sessions;
using KnowledgeLoop.Api.Features.Similar;
using KnowledgeLoop.Api.Features.Tickets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>
/// The HTTP service in two calls, so <c>Program.cs</c> and <c>knowledgeloop serve</c> build exactly the same host:
/// <see cref="AddKnowledgeLoopService"/> registers everything, <see cref="UseKnowledgeLoopService"/> builds the pipeline
/// and maps the endpoints.
/// </summary>
internal static class KnowledgeLoopServiceExtensions
{
    /// <summary>Core, Infrastructure, JSON, ProblemDetails, OpenAPI, limits, access, CORS and the rate limiter.</summary>
    public static WebApplicationBuilder AddKnowledgeLoopService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddKnowledgeLoopCore();
        services.AddKnowledgeLoopInfrastructure(configuration);

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName));
        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{LimitsOptions.SectionName}:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.MaxBatchItems > 0, $"{LimitsOptions.SectionName}:MaxBatchItems must be positive.")
            .Validate(o => o.MaxProblemsReturned > 0, $"{LimitsOptions.SectionName}:MaxProblemsReturned must be positive.")
            .ValidateOnStart();
        services.AddOptions<SimilarRateLimitOptions>()
            .Bind(configuration.GetSection(SimilarRateLimitOptions.SectionName))
            .Validate(o => o.PermitLimit > 0, $"{SimilarRateLimitOptions.SectionName}:PermitLimit must be positive.")
            .Validate(o => o.WindowSeconds > 0, $"{SimilarRateLimitOptions.SectionName}:WindowSeconds must be positive.")
            .Validate(o => o.QueueLimit >= 0, $"{SimilarRateLimitOptions.SectionName}:QueueLimit can't be negative.")
            .ValidateOnStart();
        services.AddOptions<CorsOriginOptions>().Bind(configuration.GetSection(CorsOriginOptions.SectionName));

        // The body limit is enforced by the server (Kestrel) and, for multipart uploads, by the form reader.
        var limits = configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes > 0 ? limits.MaxRequestBodyBytes : null);
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes > 0 ? limits.MaxRequestBodyBytes : long.MaxValue);

        var origins = configuration.GetSection(CorsOriginOptions.SectionName).Get<CorsOriginOptions>()?.Origins ?? [];
        if (origins.Count > 0)
        {
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. origins])
                .WithHeaders("Content-Type", ApiKeyMiddleware.HeaderName)
                .WithMethods("GET", "POST", "DELETE")
                .WithExposedHeaders("Location")));
        }

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SimilarRateLimitOptions.PolicyName, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<SimilarRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = TimeSpan.FromSeconds(options.WindowSeconds),
                        QueueLimit = options.QueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(
                    title: "Too many requests",
                    detail: "The similar-case search is rate limited; wait a moment and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>The pipeline (headers, errors, static page, CORS, limits, key, rate limits) and every endpoint.</summary>
    public static WebApplication UseKnowledgeLoopService(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        if (app.Services.GetRequiredService<IOptions<CorsOriginOptions>>().Value.Origins.Count > 0)
        {
            app.UseCors();
        }

        app.UseMiddleware<RequestSizeMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapTicketEndpoints();
        app.MapArticleEndpoints();
        app.MapArticlePublicationEndpoints();
        app.MapSessionEndpoints();
        app.MapAnalysisEndpoints();
        app.MapMetricsEndpoints();
        app.MapGapEndpoints();
        app.MapGapImpactEndpoints();
        app.MapIncrementalGapEndpoints();
        app.MapSimilarEndpoints();
        return app;
    }
}
