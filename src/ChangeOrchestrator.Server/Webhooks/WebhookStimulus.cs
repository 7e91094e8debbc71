using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>A stimulus a delivery raises, e.g. <c>approval</c> / <c>servicenow:CHG0030001</c> / <c>{ decision, by, comment }</c>.</summary>
internal sealed record WebhookStimulus(string Kind, string Key, JsonObject Payload)
{
    public const string Approval = "approval";
    public const string ChangeCancelled = "change-cancelled";
    public const string ChangeState = "change-state";
}
