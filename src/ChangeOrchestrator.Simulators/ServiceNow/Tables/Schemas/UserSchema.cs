namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

internal static class UserSchema
{
    public const string Table = "sys_user";

    public static TableSchema Create() => new(Table, "name", TableAccess.Read,
    [
        FieldDefinition.System("user_name"),
        FieldDefinition.System("name"),
        FieldDefinition.System("email"),
        FieldDefinition.System("active", FieldKind.Boolean),
    ]);
}
