using System.Xml;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Changes;
using ChangeOrchestrator.Patching.Policies.Planning;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

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

        // 404: no policy folder; 503 or 502: SSM is not configured, or could not be read or written.
        group.MapPost("/validate", ValidateAsync).Audited("policy.validate", "policy").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/plan", PlanAsync).Audited("policy.plan", "policy")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/apply", ApplyAsync).Audited("policy.apply", "policy")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static Ok<LoadedPolicy> Loaded(PatchPolicyHolder holder) => TypedResults.Ok(LoadedPolicy.From(holder, TimeProvider.System.GetUtcNow()));

    private static async Task<Results<Ok<PolicyValidation>, UnprocessableEntity<PolicyValidation>, ProblemHttpResult>> ValidateAsync(
        PolicyFolderLoader loader, CancellationToken cancellationToken)
    {
        var folder = await LoadAsync(loader, cancellationToken);
        if (folder.Missing is { } missing)
        {
            return missing;
        }

        return folder.Invalid is { } invalid ? invalid : TypedResults.Ok(new PolicyValidation(true));
    }

    private static async Task<Results<Ok<PolicyPlanReport>, UnprocessableEntity<PolicyValidation>, ProblemHttpResult>> PlanAsync(
        PolicyFolderLoader loader, IServiceProvider services, bool? delete, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(loader, services, cancellationToken);
        if (prepared.Invalid is { } invalid)
        {
            return invalid;
        }

        if (prepared.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            return TypedResults.Ok(PolicyPlanReport.From(await prepared.Service!.PlanAsync(prepared.Policy!, delete ?? false, cancellationToken)));
        }
        catch (FleetException error)
        {
            return Unavailable(error);
        }
    }

    private static async Task<Results<OutcomeResult<PolicyApplyReport>, OutcomeResult<PolicyChangeReport>, UnprocessableEntity<PolicyValidation>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        PolicyFolderLoader loader, IServiceProvider services, bool? delete, string? viaChange, string? approvalTimeout, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(loader, services, cancellationToken);
        if (prepared.Invalid is { } invalid)
        {
            return invalid;
        }

        if (prepared.Problem is { } problem)
        {
            return problem;
        }

        var policy = prepared.Policy!;
        try
        {
            if (viaChange is null)
            {
                var result = await prepared.Service!.ApplyAsync(policy, delete ?? false, cancellationToken);
                return new OutcomeResult<PolicyApplyReport>(
                    result.Succeeded,
                    new PolicyApplyReport(PolicyPlanReport.From(result.Plan), result.Applied.Select(c => c.Summary), result.Errors));
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
            var change = await runner.RunAsync(policy, viaChange, delete ?? false, timeout, TimeSpan.FromSeconds(5), cancellationToken);
            return new OutcomeResult<PolicyChangeReport>(
                change.Refusal is null && change.Apply?.Succeeded != false,
                new PolicyChangeReport(
                    change.Change?.ToString(),
                    change.Outcome?.ToString(),
                    change.Refusal,
                    PolicyPlanReport.From(change.Plan),
                    change.Apply?.Applied.Select(c => c.Summary) ?? [],
                    change.Apply?.Errors ?? []));
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

    /// <summary>What plan and apply both need: the folder loaded and valid, and SSM configured.</summary>
    private static async Task<Prepared> PrepareAsync(PolicyFolderLoader loader, IServiceProvider services, CancellationToken cancellationToken)
    {
        var folder = await LoadAsync(loader, cancellationToken);
        if (folder.Missing is not null || folder.Invalid is not null)
        {
            return new Prepared(null, null, folder.Invalid, folder.Missing);
        }

        return services.GetService<PatchPolicyService>() is { } service
            ? new Prepared(folder.Policy, service, null, null)
            : new Prepared(null, null, null, AwsMissing());
    }

    private static async Task<Folder> LoadAsync(PolicyFolderLoader loader, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(cancellationToken) is not { } result)
        {
            return new Folder(null, null, TypedResults.Problem(title: "No policy folder", detail: "Policies:Folder is not configured or does not exist.", statusCode: StatusCodes.Status404NotFound));
        }

        return result.IsValid
            ? new Folder(result.Policy, null, null)
            : new Folder(null, TypedResults.UnprocessableEntity(new PolicyValidation(false, result.Errors)), null);
    }

    private static ProblemHttpResult AwsMissing() =>
        TypedResults.Problem(title: "SSM is not configured", detail: "Set Aws:Region (and Aws:ServiceUrl for a VPC endpoint) to plan or apply.", statusCode: StatusCodes.Status503ServiceUnavailable);

    private static ProblemHttpResult Unavailable(FleetException error) =>
        TypedResults.Problem(title: "SSM could not be read or written", detail: error.Message, statusCode: error.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway);

    /// <summary>The policy folder read: its policy when valid, else the answer that says why not.</summary>
    private sealed record Folder(PatchPolicy? Policy, UnprocessableEntity<PolicyValidation>? Invalid, ProblemHttpResult? Missing);

    private sealed record Prepared(PatchPolicy? Policy, PatchPolicyService? Service, UnprocessableEntity<PolicyValidation>? Invalid, ProblemHttpResult? Problem);
}
