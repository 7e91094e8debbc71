using ChangeOrchestrator.Web.Security;

namespace ChangeOrchestrator.Server.Settings;

/// <summary>The console's settings page reads what <c>GET /api/settings</c> answers: the same redaction.</summary>
internal sealed class ConsoleSettings(IConfiguration configuration, IHostEnvironment environment) : IConsoleSettings
{
    public string EnvironmentName => environment.EnvironmentName;

    public IReadOnlyDictionary<string, string?> Effective() => ConfigurationRedaction.Effective(configuration);
}
