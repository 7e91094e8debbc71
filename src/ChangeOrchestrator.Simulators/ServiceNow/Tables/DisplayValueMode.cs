namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>sysparm_display_value: raw values (false), display values (true), or both (all).</summary>
internal enum DisplayValueMode
{
    Raw,
    Display,
    All,
}
