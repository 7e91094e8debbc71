using ChangeOrchestrator.Persistence.Audit;

namespace ChangeOrchestrator.Server.Audit;

/// <summary>
/// Writes the one audit entry of a request, in one place for every endpoint: each mutating call to the API, each call
/// of an endpoint marked <see cref="AuditMetadata"/> (logins), each presented credential that was refused
/// (<c>auth.failed</c>) and each refusal of an authenticated caller (<c>access.denied</c>). The entry is written
/// before the response starts, so a client that saw the answer finds the entry. A request that presents no
/// credential and only reads is not recorded: there is no one to name, and anyone could fill the log with them.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, IAuditLog log, IRefusedCredentials refused, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var metadata = endpoint?.Metadata.GetMetadata<AuditMetadata>();
        if (metadata is null && !IsApiPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        // Captured now: the exception handler clears the endpoint and route values before it answers.
        var request = new RequestFacts(
            context.Request.Method,
            (endpoint as RouteEndpoint)?.RoutePattern.RawText,
            metadata,
            metadata?.ObjectIdRouteValues.Select(name => context.Request.RouteValues[name]?.ToString()).Where(v => v is not null).ToList() ?? []);
        var scope = new AuditScope();
        context.Features.Set(scope);
        var recorded = 0;
        Task RecordOnceAsync() => Interlocked.Exchange(ref recorded, 1) == 0 ? RecordAsync(context, request, scope) : Task.CompletedTask;
        context.Response.OnStarting(RecordOnceAsync);
        try
        {
            await next(context);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // 499 is the usual record of a request its client abandoned; anything else escaping here is a failure.
            context.Response.StatusCode = context.RequestAborted.IsCancellationRequested ? 499 : StatusCodes.Status500InternalServerError;
            await RecordOnceAsync();
            throw;
        }

        await RecordOnceAsync();
    }

    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private async Task RecordAsync(HttpContext context, RequestFacts request, AuditScope scope)
    {
        AuditEntry? entry = null;
        try
        {
            entry = await EntryForAsync(context, request, scope);
            if (entry is not null)
            {
                await log.AppendAsync(entry, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The answer is decided already; a failed audit write is reported loudly but does not change it.
            AuditWriteFailed(logger, ex, entry?.Action ?? "(unknown)", entry?.Actor ?? "(unknown)", context.Response.StatusCode);
        }
    }

    private async Task<AuditEntry?> EntryForAsync(HttpContext context, RequestFacts request, AuditScope scope)
    {
        var status = context.Response.StatusCode;
        var route = $"{request.Method} {context.Request.Path}";
        if (status == StatusCodes.Status401Unauthorized && scope.Action is null && await refused.DescribeAsync(context) is { } credential)
        {
            return HttpAuditEntries.From(context, "auth.failed", status, "route", route, credential.Detail) with
            {
                Actor = credential.Actor ?? HttpAuditEntries.Anonymous,
                AuthScheme = credential.AuthScheme,
            };
        }

        var mutating = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        string action;
        string? objectType = null;
        string? objectId = null;
        if (request.Metadata is { } metadata)
        {
            action = metadata.Action;
            objectType = metadata.ObjectType;
            objectId = request.ObjectIdParts.Count > 0 ? string.Join('/', request.ObjectIdParts) : CreatedId(context);
        }
        else if (mutating)
        {
            // A mutating route nobody named yet is still recorded, under its method and pattern.
            action = $"{request.Method} {request.RoutePattern ?? context.Request.Path.Value}";
        }
        else if (status == StatusCodes.Status403Forbidden)
        {
            action = "access.denied";
            objectType = "route";
            objectId = route;
        }
        else
        {
            return null;
        }

        var entry = HttpAuditEntries.From(context, scope.Action ?? action, status, objectType, scope.ObjectId ?? objectId, scope.Detail);
        return entry with
        {
            Actor = scope.Actor ?? entry.Actor,
            AuthScheme = scope.AuthScheme ?? entry.AuthScheme,
        };
    }

    /// <summary>The id of the object a POST created, from the last segment of its Location.</summary>
    private static string? CreatedId(HttpContext context)
    {
        var location = context.Response.Headers.Location.ToString();
        if (location.Length == 0)
        {
            return null;
        }

        var path = location.Split('?', 2)[0].TrimEnd('/');
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Error, Message = "The audit entry {Action} by {Actor} (status {Outcome}) could not be written")]
    private static partial void AuditWriteFailed(ILogger logger, Exception exception, string action, string actor, int outcome);

    private sealed record RequestFacts(string Method, string? RoutePattern, AuditMetadata? Metadata, IReadOnlyList<string?> ObjectIdParts);
}
