using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>The change_request fields the connector reads (see <see cref="Fields"/>).</summary>
internal sealed record ServiceNowChangeRecord(
    string SysId,
    string Number,
    string ShortDescription,
    string State,
    string Approval,
    string Type,
    string CorrelationId,
    string CloseCode)
{
    /// <summary>sysparm_fields of every change read, to keep answers small.</summary>
    public const string Fields = "sys_id,number,short_description,state,approval,type,correlation_id,close_code";

    public ChangeReference Reference => new(ServiceNowServiceDesk.DeskName, Number, SysId);

    public ChangeState ChangeState => ServiceNowStates.ToChangeState(State);

    public static ServiceNowChangeRecord From(JsonNode? json) => new(
        ServiceNowJson.Value(json, "sys_id"),
        ServiceNowJson.Value(json, "number"),
        ServiceNowJson.Value(json, "short_description"),
        ServiceNowJson.Value(json, "state"),
        ServiceNowJson.Value(json, "approval"),
        ServiceNowJson.Value(json, "type"),
        ServiceNowJson.Value(json, "correlation_id"),
        ServiceNowJson.Value(json, "close_code"));
}
