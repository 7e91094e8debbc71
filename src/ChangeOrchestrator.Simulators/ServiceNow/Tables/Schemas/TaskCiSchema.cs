namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

/// <summary>
/// Affected CIs: one row per configuration item a task (here a change request) touches. Change conflict detection
/// reads these to find other changes on the same CIs.
/// </summary>
internal static class TaskCiSchema
{
    public const string Table = "task_ci";

    public static TableSchema Create() => new(Table, "ci_item", TableAccess.Insert | TableAccess.Delete,
    [
        FieldDefinition.Reference("task", ChangeRequestSchema.Table),
        FieldDefinition.Reference("ci_item", ServerSchema.Table),
    ])
    { MandatoryFields = ["task", "ci_item"] };
}
