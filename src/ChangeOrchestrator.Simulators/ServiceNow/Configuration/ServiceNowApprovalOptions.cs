namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>
/// Who approves each stage of a change, as comma-separated user names. Every approver of a stage must approve;
/// an empty stage completes at once, which lets a sandbox approve a normal change with one decision.
/// </summary>
internal sealed class ServiceNowApprovalOptions
{
    /// <summary>Peer/technical review when a normal change enters Assess.</summary>
    public string AssessApprovers { get; set; } = "beth.anglin";

    /// <summary>CAB approval when a change enters Authorize.</summary>
    public string AuthorizeApprovers { get; set; } = "abel.tuter";
}
