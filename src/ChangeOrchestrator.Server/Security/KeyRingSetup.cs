using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.KeyRing;
using ChangeOrchestrator.Server.Database;
using Microsoft.AspNetCore.DataProtection;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Where the keys that protect session cookies and sessions live: a configured folder, else the workflow database on
/// PostgreSQL (every node reads the keys the others made), else the machine's own store (SQLite serves one node).
/// Keys shared through the database are encrypted at rest with a certificate from configuration, which Production
/// requires.
/// </summary>
internal static class KeyRingSetup
{
    private const string Prefix = "Auth:Local:";

    public static IServiceCollection AddSessionKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var local = configuration.GetSection(Prefix.TrimEnd(':')).Get<LocalLoginOptions>() ?? new LocalLoginOptions();
        var shared = PersistenceConfiguration.Read(configuration).Provider == PersistenceProvider.Postgres;
        var keys = services.AddDataProtection().SetApplicationName("ChangeOrchestrator");
        if (local.KeyRingFolder is { Length: > 0 } folder)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        else if (shared)
        {
            services.AddKeyRingInDatabase();
        }

        if (local.KeyRingCertificatePath is { Length: > 0 } path)
        {
            keys.ProtectKeysWithCertificate(Load(path, local.KeyRingCertificatePassword));
        }
        else if (shared && environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{Prefix}{nameof(LocalLoginOptions.KeyRingCertificatePath)} is required in Production on PostgreSQL: the keys that protect "
                + "sessions are shared through the database and must be encrypted there. Give a .pfx certificate with its private key "
                + $"(and {Prefix}{nameof(LocalLoginOptions.KeyRingCertificatePassword)} if it has one).");
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{Prefix}{nameof(LocalLoginOptions.KeyRingCertificatePath)}: '{path}' has no private key.");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Prefix}{nameof(LocalLoginOptions.KeyRingCertificatePath)}: '{path}' cannot be read as a .pfx certificate: {ex.Message}", ex);
        }
    }
}
