using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Changes;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

internal static class ChangeRequestSchema
{
    public const string Table = "change_request";

    public static readonly IReadOnlySet<string> CloseCodes = new HashSet<string>(StringComparer.Ordinal) { "successful", "successful_issues", "unsuccessful" };

    public static TableSchema Create() => new(Table, "number", TableAccess.Insert | TableAccess.Update | TableAccess.Delete,
    [
        FieldDefinition.System("number"),
        FieldDefinition.System("sys_class_name"),
        FieldDefinition.String("short_description"),
        FieldDefinition.String("description"),
        FieldDefinition.Choice("type", ("normal", "Normal"), ("standard", "Standard"), ("emergency", "Emergency")),
        FieldDefinition.Reference("chg_model", ChangeModelSchema.Table) with { ReadOnly = true },
        FieldDefinition.Reference("std_change_producer_version", StandardChangeTemplateSchema.Table),
        ChangeStates.Field,
        ApprovalValues.ChangeField,
        FieldDefinition.System("active", FieldKind.Boolean),
        FieldDefinition.DateTime("start_date"),
        FieldDefinition.DateTime("end_date"),
        FieldDefinition.DateTime("work_start"),
        FieldDefinition.DateTime("work_end"),
        FieldDefinition.Reference("assignment_group", GroupSchema.Table),
        FieldDefinition.Reference("assigned_to", UserSchema.Table),
        FieldDefinition.Reference("requested_by", UserSchema.Table),
        FieldDefinition.Reference("opened_by", UserSchema.Table) with { ReadOnly = true },
        FieldDefinition.System("opened_at", FieldKind.DateTime),
        FieldDefinition.Reference("closed_by", UserSchema.Table) with { ReadOnly = true },
        FieldDefinition.System("closed_at", FieldKind.DateTime),
        FieldDefinition.Reference("cmdb_ci", "cmdb_ci"),
        FieldDefinition.Choice("risk", ("1", "Very High"), ("2", "High"), ("3", "Moderate"), ("4", "Low")),
        FieldDefinition.Choice("impact", ("1", "1 - High"), ("2", "2 - Medium"), ("3", "3 - Low")),
        FieldDefinition.Choice("urgency", ("1", "1 - High"), ("2", "2 - Medium"), ("3", "3 - Low")),
        FieldDefinition.Choice("priority", ("1", "1 - Critical"), ("2", "2 - High"), ("3", "3 - Moderate"), ("4", "4 - Low"), ("5", "5 - Planning")),
        FieldDefinition.String("implementation_plan"),
        FieldDefinition.String("backout_plan"),
        FieldDefinition.String("test_plan"),
        FieldDefinition.String("justification"),
        FieldDefinition.Journal("work_notes"),
        FieldDefinition.Journal("comments"),
        FieldDefinition.Choice("close_code", ("successful", "Successful"), ("successful_issues", "Successful with issues"), ("unsuccessful", "Unsuccessful")),
        FieldDefinition.String("close_notes"),
        FieldDefinition.String("correlation_id"),
        FieldDefinition.String("correlation_display"),
        FieldDefinition.Boolean("on_hold"),
        FieldDefinition.String("on_hold_reason"),
        FieldDefinition.Boolean("cab_required"),
        FieldDefinition.Choice("upon_reject", ("cancel", "Cancel all future Tasks"), ("goto", "Go to a previous Task")),
    ]);
}
