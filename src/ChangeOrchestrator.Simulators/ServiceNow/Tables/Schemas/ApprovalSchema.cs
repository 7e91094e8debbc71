using ChangeOrchestrator.Simulators.ServiceNow.Approvals;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

internal static class ApprovalSchema
{
    public const string Table = "sysapproval_approver";

    public static TableSchema Create() => new(Table, "approver", TableAccess.Update,
    [
        FieldDefinition.Reference("approver", UserSchema.Table) with { ReadOnly = true },
        ApprovalValues.ApproverStateField,
        FieldDefinition.Reference("sysapproval", ChangeRequestSchema.Table) with { ReadOnly = true },
        FieldDefinition.System("document_id"),
        FieldDefinition.System("source_table"),
        FieldDefinition.Journal("comments"),
        FieldDefinition.Reference("group", "sysapproval_group") with { ReadOnly = true },
        FieldDefinition.DateTime("due_date"),
    ]);
}
