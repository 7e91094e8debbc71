using ChangeOrchestrator.Simulators.ServiceNow.Tables;

namespace ChangeOrchestrator.Simulators.ServiceNow.Approvals;

/// <summary>Values of a change's rolled-up <c>approval</c> and of an approver record's <c>state</c>.</summary>
internal static class ApprovalValues
{
    public const string NotRequested = "not requested";
    public const string Requested = "requested";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
    public const string NotRequired = "not_required";

    /// <summary>The change's roll-up: maintained by the approval engine, so client writes are ignored.</summary>
    public static readonly FieldDefinition ChangeField = FieldDefinition.Choice("approval",
        (NotRequested, "Not Yet Requested"), (Requested, "Requested"), (Approved, "Approved"), (Rejected, "Rejected")) with { ReadOnly = true };

    public static readonly FieldDefinition ApproverStateField = FieldDefinition.Choice("state",
        (NotRequested, "Not Yet Requested"), (Requested, "Requested"), (Approved, "Approved"), (Rejected, "Rejected"),
        (Cancelled, "Cancelled"), (NotRequired, "No Longer Required"), ("duplicate", "Duplicate"));
}
