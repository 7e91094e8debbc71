using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Lists a change's servers on it as affected configuration items: ServiceNow task_ci rows on the CMDB's servers
/// (found by instance id or name), a Jira affected servers field. Servers the desk does not know are reported, not
/// fatal; attaching again adds nothing.
/// </summary>
[Activity("Lists the change's servers on it as affected CIs (ServiceNow task_ci rows on cmdb_ci_server records found by instance id or name; the Jira Affected servers field). Servers the desk does not know are reported in notFound.", Category = "Change requests")]
public sealed class AttachAffectedServers(IServiceDeskResolver desks) : PatchingActivity<AttachAffectedServers.Input, AffectedServers>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var desk = ServiceDeskLookup.Get(desks, context.Input.Desk, context);
        var change = ServiceDeskLookup.Reference(desk, context.Input.Number, context);
        var servers = ServerSelection.Among(context.Input.Servers, context.Input.OnlyInstanceIds);
        var result = await desk.AttachAffectedServersAsync(change, servers, cancellationToken);
        context.Journal(result.NotFound.Count == 0
            ? $"{result.Attached.Count} servers listed on {change} as affected CIs"
            : $"{result.Attached.Count} servers listed on {change} as affected CIs; not known to the desk: {ServerList.Brief(result.NotFound)}");
        return Done(result);
    }

    public sealed record Input
    {
        [Description("The service desk that holds the change: servicenow or jira.")]
        [EnumFrom("serviceDesks")]
        public required string Desk { get; init; }

        [Description("The change number, e.g. CHG0030001 or ITOPS-12.")]
        public required string Number { get; init; }

        [Description("The servers the change touches: [{ instanceId, name }].")]
        public required IReadOnlyList<AffectedServer> Servers { get; init; }

        [Description("Only the servers with these ids, e.g. the patch targets among the resolved servers; all of them when empty.")]
        public IReadOnlyList<string> OnlyInstanceIds { get; init; } = [];
    }
}
