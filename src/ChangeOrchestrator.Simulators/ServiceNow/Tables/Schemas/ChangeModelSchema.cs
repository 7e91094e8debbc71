namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

internal static class ChangeModelSchema
{
    public const string Table = "chg_model";

    public static TableSchema Create() => new(Table, "name", TableAccess.Read,
    [
        FieldDefinition.System("name"),
        FieldDefinition.System("type"),
        FieldDefinition.System("active", FieldKind.Boolean),
    ]);
}
