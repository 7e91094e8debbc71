namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

internal enum FieldKind
{
    String,
    Integer,
    Boolean,
    DateTime,
    Choice,
    Reference,

    /// <summary>work_notes/comments: writes append a sys_journal_field entry, the raw value reads back as "".</summary>
    Journal,
}
