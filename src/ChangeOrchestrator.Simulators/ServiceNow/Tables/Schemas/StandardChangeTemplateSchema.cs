namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

/// <summary>Published versions of standard-change templates: what a standard change is created from.</summary>
internal static class StandardChangeTemplateSchema
{
    public const string Table = "std_change_producer_version";

    public static TableSchema Create() => new(Table, "name", TableAccess.Read,
    [
        FieldDefinition.System("name"),
        FieldDefinition.System("short_description"),
        FieldDefinition.System("description"),
        FieldDefinition.System("implementation_plan"),
        FieldDefinition.System("backout_plan"),
        FieldDefinition.System("test_plan"),
        FieldDefinition.System("active", FieldKind.Boolean),
    ]);
}
