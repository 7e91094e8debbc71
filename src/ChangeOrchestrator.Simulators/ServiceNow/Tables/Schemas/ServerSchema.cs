namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

/// <summary>
/// Servers in the CMDB, as a discovery source such as the AWS Service Graph Connector fills them: object_id holds the
/// cloud's own id of the server (the EC2 instance id), name its Name tag or host name.
/// </summary>
internal static class ServerSchema
{
    public const string Table = "cmdb_ci_server";

    public static TableSchema Create() => new(Table, "name", TableAccess.Insert | TableAccess.Update | TableAccess.Delete,
    [
        FieldDefinition.String("name"),
        FieldDefinition.String("object_id"),
        FieldDefinition.String("serial_number"),
        FieldDefinition.String("host_name"),
        FieldDefinition.String("ip_address"),
        FieldDefinition.String("os"),
        FieldDefinition.String("discovery_source"),
        FieldDefinition.Choice("operational_status", ("1", "Operational"), ("2", "Non-Operational"), ("3", "Repair in Progress"), ("6", "Retired")),
    ])
    { AdminWrites = true };
}
