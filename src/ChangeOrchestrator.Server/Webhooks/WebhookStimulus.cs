using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>A stimulus a delivery raises, e.g. <c>approval</c> / <c>servicenow:CHG0030001</c> / <c>{ decision, by, comment }</c>.</summary>
internal sealed record WebhookStimulus(string Kind, string Key, JsonObject Payload)
{
    public static WebhookStimulus From(ChangeEvent change) =>
        new(ChangeStimuli.KindOf(change.Kind), change.Key, ChangeStimuli.PayloadOf(change));
}
