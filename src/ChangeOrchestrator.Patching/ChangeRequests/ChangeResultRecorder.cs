using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Results;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Records a closed change for the change-success report: patch group, environment, rolled-back servers and start
/// come from the evidence the workflow attaches (see <c>workflows/patch-change.json</c>), the instance's start when
/// the evidence does not say. Without a history store composed nothing is recorded.
/// </summary>
internal static class ChangeResultRecorder
{
    public static async Task RecordAsync(ActivityContext context, string desk, ChangeReference change, ChangeOutcome outcome, JsonNode? evidence, CancellationToken cancellationToken)
    {
        if (context.Services.GetService<IChangeResultLog>() is not { } history)
        {
            return;
        }

        var now = context.Now;
        var started = evidence?["timings"]?["started"] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : now;
        await history.RecordChangeAsync(
            new ChangeResult
            {
                WorkflowInstanceId = context.InstanceId,
                Desk = desk,
                Number = change.Number,
                PatchGroup = Text(evidence?["patchGroup"]),
                Environment = Text(evidence?["environment"]),
                Outcome = outcome,
                RolledBackServers = ResultReference.CountOf(evidence?["rollback"]?["restored"]) ?? 0,
                StartedAt = started > now ? now : started,
                ClosedAt = now,
            },
            cancellationToken);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
