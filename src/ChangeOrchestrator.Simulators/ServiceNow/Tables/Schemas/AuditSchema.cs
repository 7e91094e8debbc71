namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

/// <summary>
/// sys_audit, the instance's field history: one row per audited field change of a record (here the state of a change
/// request), read-only through the Table API, e.g. <c>sys_audit?sysparm_query=documentkey=&lt;sys_id&gt;^fieldname=state</c>.
/// </summary>
internal static class AuditSchema
{
    public const string Table = "sys_audit";

    public static TableSchema Create() => new(Table, "fieldname", TableAccess.Read,
    [
        FieldDefinition.System("tablename"),
        FieldDefinition.System("documentkey"),
        FieldDefinition.System("fieldname"),
        FieldDefinition.System("oldvalue"),
        FieldDefinition.System("newvalue"),
        FieldDefinition.System("user"),
        FieldDefinition.System("record_checkpoint", FieldKind.Integer),
    ]);
}
