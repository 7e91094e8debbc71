namespace ChangeOrchestrator.Server.Sandbox;

/// <summary>
/// Configuration section <c>Sandbox</c>. In sandbox mode the simulators of ServiceNow, Jira and AWS are mounted under
/// <c>/sim</c> and the connectors point at them, so the product can be tried with nothing else installed. On by
/// default only in the Development environment (see <see cref="SandboxMode"/>).
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; set; }

    /// <summary>The second switch that lets the sandbox run in the Production environment.</summary>
    public bool AllowInProduction { get; set; }

    /// <summary>
    /// The address the server's connectors use to reach its own simulators; derived from the listening URL
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) when absent. Needed when the server listens on port 0.
    /// </summary>
    public Uri? BaseUrl { get; set; }
}
