using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Web.Security;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// Starts an instance from a console page and audits it as <c>POST /api/instances</c> would answer: 201 with the new
/// instance, 400 with the input's errors, 404 for an unknown workflow. The caller has already checked the role, since
/// the console and the designer's test run ask for different ones.
/// </summary>
internal static class AuditedStart
{
    /// <summary>Starts it; <paramref name="purpose"/> (a designer's test run) goes into the audit record, none for a plain start.</summary>
    public static async Task<ActionResult> StartAsync(
        WorkflowRuntime runtime, ConsoleAudit audit, StartWorkflowRequest request, string? purpose, CancellationToken cancellationToken)
    {
        var suffix = purpose is null ? string.Empty : $" ({purpose})";
        try
        {
            var instance = await runtime.StartAsync(request, cancellationToken);
            await audit.RecordAsync("instance.start", "instance", instance.Id, 201,
                purpose is null ? null : $"{purpose} of {request.DefinitionId} version {request.Version}", cancellationToken);
            return ActionResult.Done(instance);
        }
        catch (InvalidWorkflowInputException invalid)
        {
            await audit.RecordAsync("instance.start", "instance", null, 400, $"invalid input of {request.DefinitionId}{suffix}", cancellationToken);
            return new ActionResult { Errors = invalid.Errors, Message = "The input is not valid." };
        }
        catch (WorkflowNotFoundException notFound)
        {
            await audit.RecordAsync("instance.start", "instance", null, 404, null, cancellationToken);
            return new ActionResult { Message = notFound.Message };
        }
    }
}
