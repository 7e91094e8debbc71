namespace ChangeOrchestrator.Simulators.Aws.Configuration;

/// <summary>A Change Calendar document: open or closed by default, with events that flip that state.</summary>
public sealed class ChangeCalendarOptions
{
    public string Name { get; set; } = "";

    /// <summary>OPEN (events close it, i.e. freezes) or CLOSED (events open it).</summary>
    public string DefaultState { get; set; } = "OPEN";

    public List<ChangeCalendarEventOptions> Events { get; set; } = [];
}
