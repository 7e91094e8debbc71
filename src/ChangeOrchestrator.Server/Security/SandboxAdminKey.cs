using System.Security.Cryptography;
using ChangeOrchestrator.Server.Sandbox;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// In sandbox mode with no key configured, a fresh admin key is generated at start-up and printed once on the
/// console (not to the log), so a newcomer can use the API without configuring anything. Never in production.
/// </summary>
internal sealed class SandboxAdminKey(ApiKeyRegistry keys, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!keys.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var key = "sbx_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        keys.Add(new ApiKeyDefinition { Name = "sandbox-admin", Sha256 = ApiKeyRegistry.Hash(key), Roles = [Roles.Admin] });
        Console.WriteLine($"Sandbox admin API key (this run only): {key}");
        Console.WriteLine($"  e.g. curl -H '{ApiKeyAuthenticationHandler.Header}: {key}' {SandboxConnections.SelfUrl(configuration)}api/definitions");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
