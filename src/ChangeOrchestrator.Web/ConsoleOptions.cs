namespace ChangeOrchestrator.Web;

/// <summary>What the hosting server tells the console about itself.</summary>
public sealed class ConsoleOptions
{
    /// <summary>True when the server mounts the simulated desks and fleet: the console shows the sandbox banner and presets.</summary>
    public bool Sandbox { get; set; }

    /// <summary>Base URLs of the desks the connectors talk to, for links to a change in its desk ("servicenow", "jira").</summary>
    public Dictionary<string, Uri> DeskUrls { get; } = new(StringComparer.OrdinalIgnoreCase);
}
