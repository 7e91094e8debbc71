using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Raises the change request in the service desk and submits it for approval. The correlation id (the workflow
/// instance id unless given) is looked up first, so a re-run after a crash finds the change instead of raising a second.
/// </summary>
[Activity("Raises a change request in ServiceNow or Jira (found again by its correlation id after a crash) and submits it for approval.", Category = "Change requests")]
public sealed class RaiseChangeRequest(IServiceDeskResolver desks) : PatchingActivity<RaiseChangeRequest.Input, RaiseChangeRequest.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var desk = ServiceDeskLookup.Get(desks, input.Desk, context);
        var draft = Draft(input, input.CorrelationId ?? context.InstanceId);
        try
        {
            draft.EnsureValid();
        }
        catch (ArgumentException ex)
        {
            throw new ActivityException($"RaiseChangeRequest '{context.ActivityId}': {ex.Message}", isTransient: false, ex);
        }

        var change = await desk.FindByCorrelationIdAsync(draft.CorrelationId, cancellationToken);
        var foundExisting = change is not null;
        change ??= await desk.CreateChangeAsync(draft, cancellationToken);
        context.Journal(foundExisting ? $"Found {change} raised earlier for {draft.CorrelationId}" : $"Raised {change}");

        if (input.RequestApproval)
        {
            await desk.RequestApprovalAsync(change, cancellationToken);
        }

        var status = await desk.GetChangeAsync(change, cancellationToken);
        return Done(new Output
        {
            Desk = status.Reference.Desk,
            Number = status.Reference.Number,
            Id = status.Reference.Id,
            Key = status.Reference.ToString(),
            CorrelationId = draft.CorrelationId,
            State = status.State,
            DeskState = status.DeskState,
            FoundExisting = foundExisting,
        });
    }

    private static ChangeRequestDraft Draft(Input input, string correlationId) => new()
    {
        CorrelationId = correlationId,
        ShortDescription = input.ShortDescription,
        Description = input.Description,
        Targets = input.Targets,
        Patches = input.Patches,
        Cves = input.Cves,
        Type = input.ChangeType,
        Risk = input.Risk,
        Impact = input.Impact,
        PlannedStart = input.PlannedStart,
        PlannedEnd = input.PlannedEnd,
        AssignmentGroup = input.AssignmentGroup,
        Owner = input.Owner,
        ImplementationPlan = input.ImplementationPlan,
        BackoutPlan = input.BackoutPlan,
        TestPlan = input.TestPlan,
    };

    public sealed record Input
    {
        [Description("The service desk that holds the change: servicenow or jira.")]
        [EnumFrom("serviceDesks")]
        public required string Desk { get; init; }

        [Description("One-line title of the change.")]
        public required string ShortDescription { get; init; }

        [Description("What the change does and why.")]
        public string Description { get; init; } = "";

        [Description("Instances the change patches, listed in the description.")]
        public IReadOnlyList<string> Targets { get; init; } = [];

        [Description("Patches to install (KB ids, packages), listed in the description.")]
        public IReadOnlyList<string> Patches { get; init; } = [];

        [Description("CVE ids the patches fix, listed in the description.")]
        public IReadOnlyList<string> Cves { get; init; } = [];

        [Description("When the change starts.")]
        public required DateTimeOffset PlannedStart { get; init; }

        [Description("When the change ends; after the start.")]
        public required DateTimeOffset PlannedEnd { get; init; }

        [Description("The group that implements the change; the desk's configured default when absent.")]
        public string? AssignmentGroup { get; init; }

        [Description("The person who owns the change (user name or account id).")]
        public string? Owner { get; init; }

        [Description("standard (pre-authorized), normal or emergency.")]
        public ChangeType ChangeType { get; init; } = ChangeType.Normal;

        [Description("low, medium, high or critical.")]
        public ChangeRisk Risk { get; init; } = ChangeRisk.Medium;

        [Description("low, medium or high.")]
        public ChangeImpact Impact { get; init; } = ChangeImpact.Medium;

        [Description("How the change is carried out, e.g. waves and soak times.")]
        public string ImplementationPlan { get; init; } = "";

        [Description("How the change is undone, e.g. restore the pre-change snapshots.")]
        public string BackoutPlan { get; init; } = "";

        [Description("How success is verified, e.g. rescan and smoke tests.")]
        public string TestPlan { get; init; } = "";

        [Description("Submit the change for approval once raised; true by default.")]
        public bool RequestApproval { get; init; } = true;

        [Description("Key that finds the change again after a crash; the workflow instance id when absent.")]
        public string? CorrelationId { get; init; }
    }

    public sealed record Output
    {
        [Description("The desk that holds the change.")]
        public required string Desk { get; init; }

        [Description("The number people use, e.g. CHG0030001 or ITOPS-12.")]
        public required string Number { get; init; }

        [Description("The desk's internal id: ServiceNow sys_id, Jira issue id.")]
        public string? Id { get; init; }

        [Description("desk:number, the key of approval events for this change.")]
        public required string Key { get; init; }

        public required string CorrelationId { get; init; }

        [Description("Where the change stands: new, assessing, awaitingApproval, scheduled...")]
        public required ChangeState State { get; init; }

        [Description("The desk's own name for the state.")]
        public required string DeskState { get; init; }

        [Description("True when the change had been raised before for this correlation id.")]
        public bool FoundExisting { get; init; }
    }
}
