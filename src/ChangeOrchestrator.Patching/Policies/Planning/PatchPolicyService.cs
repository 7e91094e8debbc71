using ChangeOrchestrator.Patching.Errors;
using ChangeOrchestrator.Patching.Policies.Loading;

namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>Validate, plan and apply a policy folder against SSM: what the command line and the Admin API run.</summary>
public sealed class PatchPolicyService(IPatchPolicyTarget target)
{
    public static Task<PolicyLoadResult> ValidateAsync(string directory, CancellationToken cancellationToken) =>
        PatchPolicyLoader.LoadDirectoryAsync(directory, cancellationToken);

    public async Task<PolicyPlan> PlanAsync(PatchPolicy policy, bool allowDeletes, CancellationToken cancellationToken) =>
        PolicyPlanner.Plan(policy, await target.ReadAsync(cancellationToken), allowDeletes);

    /// <summary>
    /// Plans, then makes the plan's writes in order; nothing is written when SSM already matches. The first write
    /// SSM refuses stops the apply, and its error names the policy field at fault.
    /// </summary>
    public async Task<PolicyApplyResult> ApplyAsync(PatchPolicy policy, bool allowDeletes, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(policy, allowDeletes, cancellationToken);
        var baselineIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in plan.Changes.Where(c => c.Kind == PolicyResourceKind.Baseline && c.ResourceId is not null))
        {
            baselineIds[change.Name] = change.ResourceId!;
        }

        foreach (var change in plan.Changes.Where(c => c.Action == PlanAction.Register && c.ResourceId is not null))
        {
            baselineIds[change.BaselineName!] = change.ResourceId!;
        }

        // Windows and targets created by this apply get their ids only now: the parts that follow need them.
        var windowIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var targetIds = new Dictionary<(string Window, string Target), string>();
        var applied = new List<PlannedChange>();
        foreach (var planned in plan.Writes)
        {
            var change = planned.WindowName is { } windowName
                ? planned with
                {
                    WindowId = planned.WindowId ?? windowIds.GetValueOrDefault(windowName),
                    WindowTargetId = planned.WindowTargetId ?? (planned.Task is { } task ? targetIds.GetValueOrDefault((windowName, task.TargetName)) : null),
                }
                : planned;
            try
            {
                var id = await target.ApplyAsync(change, change.BaselineName is { } name ? baselineIds.GetValueOrDefault(name) : change.ResourceId, cancellationToken);
                if (change.Kind == PolicyResourceKind.Baseline && change.Action == PlanAction.Create && id is not null)
                {
                    baselineIds[change.Name] = id;
                }
                else if (change.Kind == PolicyResourceKind.MaintenanceWindow && change.Action == PlanAction.Create && id is not null)
                {
                    windowIds[change.Name] = id;
                }
                else if (change.Kind == PolicyResourceKind.WindowTarget && change.Action == PlanAction.Register && id is not null)
                {
                    targetIds[(change.WindowName!, change.Name)] = id;
                }

                applied.Add(change);
            }
            catch (ConnectorException error) when (!error.IsTransient)
            {
                return new PolicyApplyResult(plan, applied, [ServiceErrorLocator.Locate(policy, change, error.Message)]);
            }
        }

        return new PolicyApplyResult(plan, applied, []);
    }
}
