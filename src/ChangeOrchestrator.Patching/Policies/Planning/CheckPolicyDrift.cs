using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// Compares the loaded patch policy with SSM and records what drifted: resources the policy applied that were
/// changed in SSM since, field by field (each in the journal), besides the policy changes not applied yet. It only
/// reads, so a re-run is harmless.
/// </summary>
[Activity("Plans the loaded patch policy against SSM and records drift (baselines, patch group registrations and maintenance windows changed in SSM outside the policy), field by field; continues on Drifted or Clean.", Category = "Patch policy")]
[Outcomes("Drifted", "Clean")]
public sealed class CheckPolicyDrift(PatchPolicyHolder policies, PatchPolicyService service) : PatchingActivity<CheckPolicyDrift.Input, CheckPolicyDrift.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var policy = policies.Current
            ?? throw new ActivityException($"CheckPolicyDrift '{context.ActivityId}': no patch policy is loaded; set Policies:Folder to the policy files.", isTransient: false);
        var plan = await service.PlanAsync(policy, allowDeletes: false, cancellationToken);
        foreach (var drift in plan.Drift)
        {
            context.Journal($"Drift: {drift.Summary}: {string.Join("; ", drift.Fields)}");
        }

        return Outcome(plan.Drift.Count > 0 ? "Drifted" : "Clean", new Output
        {
            DriftCount = plan.Drift.Count,
            PendingCount = plan.Writes.Count(c => !c.Drift),
            Drift = new JsonArray([.. plan.Drift.Select(c => (JsonNode)new JsonObject
            {
                ["resource"] = c.Summary,
                ["fields"] = new JsonArray([.. c.Fields.Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["current"] = f.Current, ["desired"] = f.Desired })]),
            })]),
            Conflicts = plan.Conflicts,
            Plan = plan.Render(),
            Folder = policies.Folder,
        });
    }

    public sealed record Input;

    public sealed record Output
    {
        [Description("Resources changed in SSM outside the policy.")]
        public required int DriftCount { get; init; }

        [Description("Policy changes not applied yet (not drift).")]
        public required int PendingCount { get; init; }

        [Description("Each drifted resource with its fields: { resource, fields: [{ field, current, desired }] }.")]
        public required JsonArray Drift { get; init; }

        [Description("Resources of the policy's names in SSM that the policy does not own.")]
        public required IReadOnlyList<string> Conflicts { get; init; }

        [Description("The whole plan as text.")]
        public required string Plan { get; init; }

        [Description("The policy folder checked.")]
        public string? Folder { get; init; }
    }
}
