namespace ChangeOrchestrator.Server.Sandbox;

/// <summary>
/// Whether the sandbox (simulators under <c>/sim</c>, generated admin credentials) is on: as <c>Sandbox:Enabled</c>
/// says, and otherwise only in the Development environment (what <c>dotnet run</c> uses), never by default in an
/// image or a service. In Production it takes a second, explicit switch, <c>Sandbox:AllowInProduction</c>.
/// </summary>
internal static class SandboxMode
{
    public const string AllowInProductionKey = SandboxOptions.Section + ":" + nameof(SandboxOptions.AllowInProduction);

    private const string EnabledKey = SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled);

    /// <summary>
    /// Decides once at start-up and writes the decision back as <c>Sandbox:Enabled</c>, so every part of the
    /// composition reads the same answer.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sandbox is on in Production without the second switch.</exception>
    public static bool Resolve(ConfigurationManager configuration, IHostEnvironment environment)
    {
        var enabled = configuration.GetValue<bool?>(EnabledKey) ?? environment.IsDevelopment();
        if (enabled && environment.IsProduction() && !configuration.GetValue<bool>(AllowInProductionKey))
        {
            throw new InvalidOperationException(
                $"{EnabledKey} is true in the Production environment. The sandbox serves simulated service desks that can approve changes "
                + $"and prints admin credentials; set {AllowInProductionKey}=true as well if that is really wanted, or turn the sandbox off.");
        }

        configuration[EnabledKey] = enabled ? "true" : "false";
        return enabled;
    }
}
