namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The sys_ fields every table carries, maintained by the instance.</summary>
internal static class SystemFields
{
    public const string SysId = "sys_id";
    public const string CreatedOn = "sys_created_on";
    public const string CreatedBy = "sys_created_by";
    public const string UpdatedOn = "sys_updated_on";
    public const string UpdatedBy = "sys_updated_by";
    public const string ModCount = "sys_mod_count";

    public static IEnumerable<FieldDefinition> Common() =>
    [
        FieldDefinition.System(SysId),
        FieldDefinition.System(CreatedOn, FieldKind.DateTime),
        FieldDefinition.System(CreatedBy),
        FieldDefinition.System(UpdatedOn, FieldKind.DateTime),
        FieldDefinition.System(UpdatedBy),
        FieldDefinition.System(ModCount, FieldKind.Integer),
        FieldDefinition.System("sys_tags"),
    ];
}
