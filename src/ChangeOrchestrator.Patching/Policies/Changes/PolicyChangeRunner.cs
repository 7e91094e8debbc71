using System.Globalization;
using System.Text;
using System.Text.Json;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Patching.Policies.Changes;

/// <summary>
/// Applies a policy as a change: raises a standard change in the desk with the plan as its description, waits
/// until the desk shows it approved (a standard change is pre-approved; a desk that still asks for approval is
/// waited for), applies, attaches the plan and the result as evidence and closes the change with the outcome.
/// The correlation id is derived from the plan, so a re-run finds the change it raised before.
/// </summary>
public sealed class PolicyChangeRunner(PatchPolicyService service, IServiceDeskResolver desks, TimeProvider time)
{
    public async Task<PolicyChangeResult> RunAsync(
        PatchPolicy policy, string desk, bool allowDeletes, TimeSpan approvalTimeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var serviceDesk = desks.Get(desk);
        var plan = await service.PlanAsync(policy, allowDeletes, cancellationToken);
        if (!plan.HasChanges)
        {
            return new PolicyChangeResult(null, null, null, plan, null);
        }

        var text = plan.Render();
        var now = time.GetUtcNow();
        var draft = new ChangeRequestDraft
        {
            CorrelationId = "patch-policy:" + PolicyFields.Hash(new Dictionary<string, string> { ["plan"] = text }),
            ShortDescription = $"Patch policy: {plan.Writes.Count} SSM change(s) to baselines, patch groups and maintenance windows",
            Description = "Apply the reviewed patch policy to AWS Systems Manager.\n\n" + text,
            Type = ChangeType.Standard,
            Risk = ChangeRisk.Low,
            Impact = ChangeImpact.Low,
            PlannedStart = now,
            PlannedEnd = now.AddHours(1),
            ImplementationPlan = "changeorchestrator policy apply: the writes listed in the description, in that order, each idempotent.",
            BackoutPlan = "Revert the policy change in Git and apply again.",
            TestPlan = "A plan after the apply shows no change.",
        };
        var change = await serviceDesk.FindByCorrelationIdAsync(draft.CorrelationId, cancellationToken)
            ?? await serviceDesk.CreateChangeAsync(draft, cancellationToken);

        // Submitting moves a standard change straight to scheduled (pre-authorised); a desk configured to ask anyway
        // shows it awaiting approval, and the apply waits for the decision.
        await serviceDesk.RequestApprovalAsync(change, cancellationToken);

        var approved = await WaitForApprovalAsync(serviceDesk, change, approvalTimeout, pollInterval, cancellationToken);
        if (approved is not null)
        {
            await serviceDesk.CancelAsync(change, approved, cancellationToken);
            return new PolicyChangeResult(change, null, null, plan, approved);
        }

        await serviceDesk.MoveToImplementAsync(change, cancellationToken);
        var result = await service.ApplyAsync(policy, allowDeletes, cancellationToken);
        await serviceDesk.AttachEvidenceAsync(change, "patch-policy-plan.md", EvidenceContent.FromBytes("text/markdown", Encoding.UTF8.GetBytes(Evidence(result))), cancellationToken);
        await serviceDesk.AttachEvidenceAsync(change, "patch-policy-plan.json", EvidenceContent.FromBytes("application/json", JsonSerializer.SerializeToUtf8Bytes(new
        {
            changes = result.Plan.Changes.Select(c => new { action = c.Action.ToString(), kind = c.Kind.ToString(), c.Name, c.ResourceId, c.Drift, c.HeldBack, fields = c.Fields }),
            applied = result.Applied.Select(c => c.Summary),
            errors = result.Errors.Select(e => e.ToString()),
        })), cancellationToken);
        var outcome = result.Succeeded ? ChangeOutcome.Successful : ChangeOutcome.Unsuccessful;
        await serviceDesk.CloseAsync(change, outcome, result.Succeeded
            ? $"Applied {result.Applied.Count} SSM change(s) as planned; the plan is attached."
            : $"Stopped after {result.Applied.Count} of {result.Plan.Writes.Count} SSM change(s): {string.Join("; ", result.Errors)}", cancellationToken);
        return new PolicyChangeResult(change, outcome, result, plan, null);
    }

    /// <summary>Null once approved (or when no approval is asked); otherwise why the change does not go ahead.</summary>
    private async Task<string?> WaitForApprovalAsync(
        IServiceDesk desk, ChangeReference change, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var status = await desk.GetChangeAsync(change, cancellationToken);
            switch (status.Approval.Decision)
            {
                case ApprovalDecision.Approved or ApprovalDecision.NotRequested when status.State is not (ChangeState.Cancelled or ChangeState.Closed):
                    return null;
                case ApprovalDecision.Rejected:
                    return $"Rejected{(status.Approval.DecidedBy is { } by ? " by " + by : "")}; the policy was not applied.";
            }

            if (status.State is ChangeState.Cancelled or ChangeState.Closed)
            {
                return $"The change is {status.DeskState}; the policy was not applied.";
            }

            if (time.GetUtcNow() >= deadline)
            {
                return $"No approval within {timeout.ToString("c", CultureInfo.InvariantCulture)}; the policy was not applied.";
            }

            await Task.Delay(pollInterval, time, cancellationToken);
        }
    }

    private static string Evidence(PolicyApplyResult result)
    {
        var text = new StringBuilder("# Patch policy applied\n\n## Plan\n\n```\n").Append(result.Plan.Render()).Append("\n```\n\n## Applied\n\n");
        foreach (var change in result.Applied)
        {
            text.Append("- ").AppendLine(change.Summary);
        }

        foreach (var error in result.Errors)
        {
            text.Append("\n**Error:** ").AppendLine(error.ToString());
        }

        return text.ToString();
    }
}
