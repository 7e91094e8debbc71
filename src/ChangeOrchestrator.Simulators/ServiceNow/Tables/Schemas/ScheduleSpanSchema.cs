namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

/// <summary>
/// The spans of a schedule. start_date_time and end_date_time are schedule date-times (<c>20261224T000000</c>) read
/// in the schedule's time zone; repeat_type is empty for a span that happens once.
/// </summary>
internal static class ScheduleSpanSchema
{
    public const string Table = "cmn_schedule_span";

    public static TableSchema Create() => new(Table, "name", TableAccess.Insert | TableAccess.Update | TableAccess.Delete,
    [
        FieldDefinition.Reference("schedule", ScheduleSchema.Table),
        FieldDefinition.String("name"),
        FieldDefinition.String("start_date_time"),
        FieldDefinition.String("end_date_time"),
        FieldDefinition.Choice("repeat_type", ("", "Does not repeat"), ("daily", "Daily"), ("weekly", "Weekly"), ("monthly", "Monthly"), ("yearly", "Yearly")),
        FieldDefinition.Boolean("all_day"),
    ])
    { AdminWrites = true, MandatoryFields = ["schedule", "start_date_time", "end_date_time"] };
}
