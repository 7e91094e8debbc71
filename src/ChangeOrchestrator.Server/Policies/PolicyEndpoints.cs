using System.Xml;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Changes;
using ChangeOrchestrator.Patching.Policies.Planning;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>
/// The patch policy of the server's policy folder (Admin): <c>GET /api/policy</c> (what is loaded),
/// <c>POST /api/policy/validate</c>, <c>/plan</c> and <c>/apply</c> (<c>?delete=true</c> allows deletes,
/// <c>?viaChange=servicenow|jira</c> applies through a standard change). A valid folder becomes the loaded policy.
/// </summary>
internal static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/policy").WithTags("Policy").RequireAuthorization(Roles.Admin);
        group.MapGet("", Loaded);
        group.MapPost("/validate", ValidateAsync).Audited("policy.validate", "policy");
        group.MapPost("/plan", PlanAsync).Audited("policy.plan", "policy");
        group.MapPost("/apply", ApplyAsync).Audited("policy.apply", "policy");
        return endpoints;
    }

    private static IResult Loaded(PatchPolicyHolder holder) => holder.Current is not { } policy
        ? TypedResults.Ok(new { loaded = false, folder = (string?)null })
        : TypedResults.Ok(new
        {
            loaded = true,
            folder = holder.Folder,
            baselines = policy.Baselines.Select(b => new { b.Name, b.OperatingSystem }),
            patchGroups = policy.PatchGroups.Select(g => new { g.Name, g.Environment, g.Baselines, changeType = g.ChangePolicy.ChangeType.ToString(), g.ChangePolicy.RequiresApproval }),
            maintenanceWindows = policy.MaintenanceWindows.Select(w => new { w.Name, w.Schedule, w.TimeZone, w.Duration, w.Cutoff, w.PatchGroups }),
            slas = policy.Slas,
            exceptions = policy.Exceptions.Select(e => new { e.Server, e.Patch, e.Cve, e.Approver, e.Expires, active = e.IsActive(TimeProvider.System.GetUtcNow()) }),
        });

    private static async Task<IResult> ValidateAsync(PolicyFolderLoader loader, CancellationToken cancellationToken) =>
        await LoadAsync(loader, cancellationToken) is { Problem: { } problem } ? problem : TypedResults.Ok(new { valid = true });

    private static async Task<IResult> PlanAsync(PolicyFolderLoader loader, IServiceProvider services, bool? delete, CancellationToken cancellationToken)
    {
        var (policy, service, problem) = await PrepareAsync(loader, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            return TypedResults.Ok(PolicyReport.Plan(await service!.PlanAsync(policy!, delete ?? false, cancellationToken)));
        }
        catch (FleetException error)
        {
            return Unavailable(error);
        }
    }

    private static async Task<IResult> ApplyAsync(
        PolicyFolderLoader loader, IServiceProvider services, bool? delete, string? viaChange, string? approvalTimeout, CancellationToken cancellationToken)
    {
        var (policy, service, problem) = await PrepareAsync(loader, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            if (viaChange is null)
            {
                var result = await service!.ApplyAsync(policy!, delete ?? false, cancellationToken);
                return Result(result.Succeeded, new { plan = PolicyReport.Plan(result.Plan), applied = result.Applied.Select(c => c.Summary), errors = PolicyReport.Errors(result.Errors) });
            }

            TimeSpan timeout;
            try
            {
                timeout = approvalTimeout is null ? TimeSpan.FromMinutes(5) : XmlConvert.ToTimeSpan(approvalTimeout);
            }
            catch (FormatException)
            {
                return ApiProblems.Field("approvalTimeout", "is not an ISO 8601 duration such as PT5M");
            }

            var runner = services.GetRequiredService<PolicyChangeRunner>();
            var change = await runner.RunAsync(policy!, viaChange, delete ?? false, timeout, TimeSpan.FromSeconds(5), cancellationToken);
            return Result(change.Refusal is null && change.Apply?.Succeeded != false, new
            {
                change = change.Change?.ToString(),
                outcome = change.Outcome?.ToString(),
                refusal = change.Refusal,
                plan = PolicyReport.Plan(change.Plan),
                applied = change.Apply?.Applied.Select(c => c.Summary) ?? [],
                errors = PolicyReport.Errors(change.Apply?.Errors ?? []),
            });
        }
        catch (KeyNotFoundException error)
        {
            return ApiProblems.Field("viaChange", error.Message);
        }
        catch (FleetException error)
        {
            return Unavailable(error);
        }
    }

    private static IResult Result(bool succeeded, object body) =>
        succeeded ? TypedResults.Ok(body) : TypedResults.UnprocessableEntity(body);

    /// <summary>What plan and apply both need: the folder loaded and valid, and SSM configured.</summary>
    private static async Task<(PatchPolicy? Policy, PatchPolicyService? Service, IResult? Problem)> PrepareAsync(
        PolicyFolderLoader loader, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (policy, problem) = await LoadAsync(loader, cancellationToken);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        return services.GetService<PatchPolicyService>() is { } service ? (policy, service, null) : (null, null, AwsMissing());
    }

    private static async Task<(PatchPolicy? Policy, IResult? Problem)> LoadAsync(PolicyFolderLoader loader, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(cancellationToken) is not { } result)
        {
            return (null, TypedResults.Problem(title: "No policy folder", detail: "Policies:Folder is not configured or does not exist.", statusCode: StatusCodes.Status404NotFound));
        }

        return result.IsValid
            ? (result.Policy, null)
            : (null, TypedResults.UnprocessableEntity(new { valid = false, errors = PolicyReport.Errors(result.Errors) }));
    }

    private static IResult AwsMissing() =>
        TypedResults.Problem(title: "SSM is not configured", detail: "Set Aws:Region (and Aws:ServiceUrl for a VPC endpoint) to plan or apply.", statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult Unavailable(FleetException error) =>
        TypedResults.Problem(title: "SSM could not be read or written", detail: error.Message, statusCode: error.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway);
}
