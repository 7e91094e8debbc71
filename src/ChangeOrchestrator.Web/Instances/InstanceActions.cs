using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Web.Security;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// Start, cancel and retry from the console: the same runtime calls as <c>POST /api/instances</c>,
/// <c>/cancel</c> and <c>/retry</c>, refused without the Operator role as the API refuses them, and audited under the
/// API's action names with the status code the API would have answered.
/// </summary>
public sealed class InstanceActions(WorkflowRuntime runtime, ConsoleAudit audit)
{
    public async Task<ActionResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync("instance.start", request.DefinitionId, cancellationToken))
        {
            return ActionResult.Denied;
        }

        return await AuditedStart.StartAsync(runtime, audit, request, purpose: null, cancellationToken);
    }

    public Task<ActionResult> CancelAsync(string instanceId, CancellationToken cancellationToken) =>
        ActAsync("instance.cancel", instanceId, runtime.CancelAsync, cancellationToken);

    public Task<ActionResult> RetryAsync(string instanceId, CancellationToken cancellationToken) =>
        ActAsync("instance.retry", instanceId, runtime.RetryAsync, cancellationToken);

    private async Task<ActionResult> ActAsync(
        string action, string instanceId, Func<string, CancellationToken, Task<WorkflowInstance>> act, CancellationToken cancellationToken)
    {
        if (!await MayOperateAsync(action, instanceId, cancellationToken))
        {
            return ActionResult.Denied;
        }

        try
        {
            var instance = await act(instanceId, cancellationToken);
            await audit.RecordAsync(action, "instance", instanceId, 200, null, cancellationToken);
            return ActionResult.Done(instance);
        }
        catch (InstanceStateException state)
        {
            await audit.RecordAsync(action, "instance", instanceId, 409, null, cancellationToken);
            return new ActionResult { Message = state.Message };
        }
        catch (WorkflowNotFoundException notFound)
        {
            await audit.RecordAsync(action, "instance", instanceId, 404, null, cancellationToken);
            return new ActionResult { Message = notFound.Message };
        }
    }

    private async Task<bool> MayOperateAsync(string action, string? objectId, CancellationToken cancellationToken)
    {
        var user = await audit.UserAsync();
        if (user.IsInRole(ConsolePolicies.Operator))
        {
            return true;
        }

        await audit.RecordAsync("access.denied", "route", $"{action} {objectId}", 403, null, cancellationToken);
        return false;
    }
}
