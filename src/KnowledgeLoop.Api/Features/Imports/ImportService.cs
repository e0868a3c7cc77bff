using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Imports;

/// <summary>
/// Imports a request into the store through the same readers, mappers and atomic importer as the CLI: an upload is
/// spooled to a temporary file under its own (sanitized) name and imported as a file; a JSON batch is written as JSON
/// Lines (one record per line, so a problem's line is the record's number) and imported the same way. A request with
/// a bad row writes nothing unless partial import is asked for.
/// </summary>
internal sealed partial class ImportService(KnowledgeStoreFactory stores, IOptions<LimitsOptions> limits, ILogger<ImportService> logger, ImportAssignmentHook? assignment = null)
{
    /// <summary>The name a JSON batch goes by in problems.</summary>
    public const string BatchFileName = "body.jsonl";

    private static readonly string[] ArticleFileExtensions = [".md", ".markdown", ".html", ".htm"];

    /// <summary>Imports the request's records of <paramref name="kind"/>.</summary>
    public async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        ImportKind kind, HttpRequest request, string? format, string? allowPartial, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var preset = ImportFormat.Generic;
        if (!string.IsNullOrWhiteSpace(format) && (!Enum.TryParse(format.Trim(), ignoreCase: true, out preset) || !Enum.IsDefined(preset) || int.TryParse(format, out _)))
        {
            errors["format"] = ["must be generic, zendesk, freshdesk, jira or servicenow."];
        }

        var partial = false;
        if (!string.IsNullOrWhiteSpace(allowPartial) && !bool.TryParse(allowPartial.Trim(), out partial))
        {
            errors["allowPartial"] = ["must be true or false."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var folder = Path.Combine(Path.GetTempPath(), "knowledgeloop-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var spooled = request.HasFormContentType
                ? await SpoolUploadAsync(kind, request, folder, cancellationToken)
                : IsJson(request.ContentType)
                    ? await SpoolBatchAsync(request, folder, cancellationToken)
                    : Spooled.Fail(TypedResults.Problem(
                        title: "Unsupported content type",
                        detail: "Send a JSON array of records (application/json) or a file in the multipart/form-data part 'file'.",
                        statusCode: StatusCodes.Status415UnsupportedMediaType));
            if (spooled.Failure is { } failure)
            {
                return failure;
            }

            if (spooled.Empty)
            {
                return TypedResults.Ok(new ImportResponse(Name(kind), 0, 0, []));
            }

            var options = new ImportOptions { Format = preset };
            var result = await stores.RunAsync(store =>
            {
                var importer = new StoreImporter(store);
                return kind switch
                {
                    ImportKind.Tickets => importer.ImportTicketsAsync(spooled.Path!, options, partial, null, cancellationToken),
                    ImportKind.Articles => importer.ImportArticlesAsync(spooled.Path!, options, partial, null, cancellationToken),
                    _ => importer.ImportSessionsAsync(spooled.Path!, options, partial, null, cancellationToken),
                };
            }, cancellationToken);

            var problems = result.Problems
                .Take(limits.Value.MaxProblemsReturned)
                .Select(p => ImportProblemResponse.From(p, Shown(p.File, spooled.ShownName!)))
                .ToList();
            if (!result.Committed)
            {
                return TypedResults.Problem(
                    title: $"The {Name(kind)} were not imported",
                    detail: result.RowsRead == 0
                        ? "The file itself can't be imported (see problems); nothing was written."
                        : string.Create(CultureInfo.InvariantCulture,
                            $"{result.RowsRejected:N0} of {result.RowsRead:N0} rows have problems ({result.ProblemCount:N0} in all); nothing was written. Fix them, or send allowPartial=true to import the good rows."),
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?>
                    {
                        ["kind"] = Name(kind),
                        ["accepted"] = 0L,
                        ["rejected"] = result.RowsRejected,
                        ["problems"] = problems,
                    });
            }

            LogImported(kind, result.RowsImported, result.RowsRejected);
            var assigned = kind == ImportKind.Tickets ? assignment?.Assign(cancellationToken) : null;
            return TypedResults.Ok(new ImportResponse(Name(kind), result.RowsImported, result.RowsRejected, problems, assigned));
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>The name of a kind on the wire.</summary>
    public static string Name(ImportKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A client's file name reduced to a safe file name in the spool folder: no folders, no traversal, no odd characters.</summary>
    public static string SafeFileName(string? name, string fallback)
    {
        var file = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var builder = new StringBuilder(file.Length);
        foreach (var c in file)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = builder.ToString().Trim('.');
        if (safe.Length > 120)
        {
            safe = safe[^120..];
        }

        return safe.Length == 0 ? fallback : safe;
    }

    private static async Task<Spooled> SpoolUploadAsync(ImportKind kind, HttpRequest request, string folder, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            // The form reader's own limits (multipart body length, header sizes).
            return Spooled.Fail(Problems.TooLarge($"The upload is too large or malformed: {exception.Message}"));
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return Spooled.Fail(TypedResults.ValidationProblem(Errors.One("file", "is required: send the file in the multipart/form-data part named 'file'.")));
        }

        var name = SafeFileName(file.FileName, Name(kind) + ".csv");
        var target = folder;
        if (kind == ImportKind.Articles && ArticleFileExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            // One Markdown/HTML article: imported as a folder of one file, so its id comes from its name or front matter.
            target = Path.Combine(folder, "articles");
            Directory.CreateDirectory(target);
        }

        var path = Path.Combine(target, name);
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await file.CopyToAsync(output, cancellationToken);
        }

        return new Spooled(target == folder ? path : target, name, Empty: false, Failure: null);
    }

    private async Task<Spooled> SpoolBatchAsync(HttpRequest request, string folder, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Spooled.Fail(TypedResults.ValidationProblem(Errors.One("body", Errors.JsonReason(exception).Replace(" for this field", string.Empty, StringComparison.Ordinal))));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items))
            {
                root = items;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return Spooled.Fail(TypedResults.ValidationProblem(Errors.One("body", "must be a JSON array of records, or {\"items\": [...]}.")));
            }

            var count = root.GetArrayLength();
            if (count > limits.Value.MaxBatchItems)
            {
                return Spooled.Fail(Problems.TooLarge(string.Create(CultureInfo.InvariantCulture,
                    $"The batch has {count:N0} records; at most {limits.Value.MaxBatchItems:N0} are accepted in one request. Split it, or upload a file.")));
            }

            if (count == 0)
            {
                return new Spooled(null, BatchFileName, Empty: true, Failure: null);
            }

            var path = Path.Combine(folder, BatchFileName);
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                foreach (var item in root.EnumerateArray())
                {
                    // The record's own bytes, as sent: re-serializing would decode its strings and throw (a 500) on a lone
                    // surrogate escape such as "\ud800" or on invalid UTF-8 inside a string, which the parser lets through;
                    // the file reader then reports those as it does for an uploaded file. Line breaks outside strings are
                    // only whitespace (JSON allows none inside), so blanking them keeps one record on one line.
                    var raw = JsonMarshal.GetRawUtf8Value(item).ToArray();
                    for (var i = 0; i < raw.Length; i++)
                    {
                        if (raw[i] is (byte)'\r' or (byte)'\n')
                        {
                            raw[i] = (byte)' ';
                        }
                    }

                    await output.WriteAsync(raw, cancellationToken);
                    output.WriteByte((byte)'\n');
                }
            }

            return new Spooled(path, BatchFileName, Empty: false, Failure: null);
        }
    }

    private static string Shown(string problemFile, string shownName)
    {
        var name = Path.GetFileName(problemFile);
        return string.IsNullOrEmpty(name) || name == "articles" ? shownName : name;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogSpoolLeft(exception, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Accepted} {Kind}, rejected {Rejected}")]
    private partial void LogImported(ImportKind kind, long accepted, long rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the upload spool folder {Folder}")]
    private partial void LogSpoolLeft(Exception exception, string folder);

    /// <summary>Where a request was spooled to, and the name problems show; or why it wasn't.</summary>
    private sealed record Spooled(string? Path, string? ShownName, bool Empty, Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>? Failure)
    {
        public static Spooled Fail(Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult> failure) => new(null, null, false, failure);
    }
}
