namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

internal static class JournalSchema
{
    public const string Table = "sys_journal_field";

    public static TableSchema Create() => new(Table, "value", TableAccess.Read,
    [
        FieldDefinition.System("element"),
        FieldDefinition.System("element_id"),
        FieldDefinition.System("name"),
        FieldDefinition.System("value"),
    ]);
}
