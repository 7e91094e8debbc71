using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Api;

/// <summary><c>GET /api/audit</c> (Admin): the audit log in id order, filtered, one keyset page at a time.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", QueryAsync).WithTags("Audit").RequireAuthorization(Roles.Admin);
        return endpoints;
    }

    // 'object' is a kind of object (instance) or one object (instance:abc).
    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> QueryAsync(
        string? actor, string? action, string? @object, DateTimeOffset? from, DateTimeOffset? to, long? after, int? limit,
        IAuditLog log, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > AuditQuery.MaxLimit)
        {
            return ApiProblems.Field("limit", $"must be between 1 and {AuditQuery.MaxLimit}");
        }

        if (from is { } start && to is { } end && end <= start)
        {
            return ApiProblems.Field("to", "must be later than 'from'");
        }

        if (@object is { Length: 0 })
        {
            return ApiProblems.Field("object", "must be a kind of object, or kind:id");
        }

        var parts = @object?.Split(':', 2);
        var page = await log.QueryAsync(
            new AuditQuery
            {
                Actor = actor,
                Action = action,
                ObjectType = parts?[0],
                ObjectId = parts is [_, var id] ? id : null,
                From = from,
                To = to,
                After = after,
                Limit = limit ?? 100,
            },
            cancellationToken);
        return TypedResults.Ok(page);
    }
}
