using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>The payload the business-rule script of A11 posts: small, so the receiver re-reads the record.</summary>
internal sealed record ChangeNotification(string SysId, string Number, string State, string Approval, string CorrelationId, string UpdatedOn)
{
    public const string EventName = "change.updated";

    public static ChangeNotification Of(ServiceNowRecord change) =>
        new(change.SysId, change["number"], change["state"], change["approval"], change["correlation_id"], change[SystemFields.UpdatedOn]);

    public string ToJson() => new JsonObject
    {
        ["event"] = EventName,
        ["sys_id"] = SysId,
        ["number"] = Number,
        ["state"] = State,
        ["approval"] = Approval,
        ["correlation_id"] = CorrelationId,
        ["updated_on"] = UpdatedOn,
    }.ToJsonString();
}
