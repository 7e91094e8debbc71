namespace ChangeOrchestrator.Simulators.Aws.Configuration;

public sealed class ChangeCalendarEventOptions
{
    public string Summary { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }
}
