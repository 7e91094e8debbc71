using ChangeOrchestrator.Simulators.ServiceNow.Tables;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>The fields whose change fires the outbound rule ("State changes" or "Approval changes").</summary>
internal sealed record ChangeSnapshot(string State, string Approval)
{
    public static ChangeSnapshot Of(ServiceNowRecord change) => new(change["state"], change["approval"]);
}
