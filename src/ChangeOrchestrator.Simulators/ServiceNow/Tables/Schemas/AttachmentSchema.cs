namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

internal static class AttachmentSchema
{
    public const string Table = "sys_attachment";

    public static TableSchema Create() => new(Table, "file_name", TableAccess.Read,
    [
        FieldDefinition.System("file_name"),
        FieldDefinition.System("content_type"),
        FieldDefinition.System("size_bytes", FieldKind.Integer),
        FieldDefinition.System("size_compressed", FieldKind.Integer),
        FieldDefinition.System("compressed", FieldKind.Boolean),
        FieldDefinition.System("table_name"),
        FieldDefinition.System("table_sys_id"),
        FieldDefinition.System("download_link"),
        FieldDefinition.System("image_width"),
        FieldDefinition.System("image_height"),
        FieldDefinition.System("average_image_color"),
    ]);
}
