namespace ChangeOrchestrator.Web.Security;

/// <summary>The server's effective configuration with secrets redacted: what <c>GET /api/settings</c> answers.</summary>
public interface IConsoleSettings
{
    string EnvironmentName { get; }

    IReadOnlyDictionary<string, string?> Effective();
}
