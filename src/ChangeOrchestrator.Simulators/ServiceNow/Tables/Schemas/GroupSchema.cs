namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

internal static class GroupSchema
{
    public const string Table = "sys_user_group";

    public static TableSchema Create() => new(Table, "name", TableAccess.Read,
    [
        FieldDefinition.System("name"),
        FieldDefinition.System("description"),
        FieldDefinition.System("active", FieldKind.Boolean),
    ]);
}
