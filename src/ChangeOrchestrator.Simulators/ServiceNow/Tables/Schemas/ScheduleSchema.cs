namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

/// <summary>Schedules: a blackout forbids changes while one of its spans holds; a maintenance schedule marks agreed windows.</summary>
internal static class ScheduleSchema
{
    public const string Table = "cmn_schedule";

    public static TableSchema Create() => new(Table, "name", TableAccess.Insert | TableAccess.Update | TableAccess.Delete,
    [
        FieldDefinition.String("name"),
        FieldDefinition.Choice("type", ("blackout", "Blackout"), ("maintenance", "Maintenance"), ("excluded", "Excluded"), ("", "None")),
        FieldDefinition.String("time_zone"),
        FieldDefinition.String("description"),
    ])
    { AdminWrites = true, MandatoryFields = ["name"] };
}
