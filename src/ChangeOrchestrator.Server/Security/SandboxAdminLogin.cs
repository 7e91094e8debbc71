using System.Security.Cryptography;
using ChangeOrchestrator.Server.Sandbox;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// In sandbox mode with no local user configured, a local <c>admin</c> with a fresh password is created at start-up
/// and the password printed once on the console (not to the log), like the sandbox's admin API key. Never in production.
/// </summary>
internal sealed class SandboxAdminLogin(LocalUserRegistry users, IConfiguration configuration) : IHostedService
{
    public const string UserName = "admin";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (users.HasConfiguredUsers)
        {
            return Task.CompletedTask;
        }

        // 144 random bits: stretching adds nothing to such a password, so the minimum iterations keep logins quick.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        users.Add(new LocalUser { Name = UserName, PasswordHash = PasswordHashes.Hash(password, PasswordHashes.MinimumIterations), Roles = [Roles.Admin] });
        Console.WriteLine($"Sandbox admin login (this run only): user '{UserName}', password {password}");
        Console.WriteLine($"  e.g. curl -c cookies -d 'username=admin&password=...' {SandboxConnections.SelfUrl(configuration)}auth/login");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
