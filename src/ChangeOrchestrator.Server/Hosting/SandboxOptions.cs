namespace ChangeOrchestrator.Server.Hosting;

/// <summary>
/// Configuration section <c>Sandbox</c>. In sandbox mode (the default) the simulators of ServiceNow, Jira and AWS
/// are mounted under <c>/sim</c> so the product can be tried with nothing else installed.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; set; } = true;
}
