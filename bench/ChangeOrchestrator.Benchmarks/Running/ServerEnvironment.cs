using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// The real server (ChangeOrchestrator.Server.dll, built beside the benchmarks) as the scenarios that run it as a
/// <see cref="ChildProcess"/> configure it: production settings on PostgreSQL, the workflows of one folder, the
/// sandbox off and a single API key; each scenario adds what it measures.
/// </summary>
internal static class ServerEnvironment
{
    public const string Dll = "ChangeOrchestrator.Server.dll";

    public const string ReadyPath = "health/ready";

    private const string ApiKeyHeader = "X-Api-Key";

    // Production on PostgreSQL keeps the sessions' key ring in the database, encrypted with a certificate it requires.
    private static readonly Lazy<string> KeyRingCertificate = new(WriteKeyRingCertificate);

    public static Dictionary<string, string> Postgres(
        string connectionString, string workflowsFolder, string keyName, string apiKey, string role) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Persistence__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Workflows__Folder"] = workflowsFolder,
        ["Sandbox__Enabled"] = "false",
        ["Auth__ApiKeys__0__Name"] = keyName,
        ["Auth__ApiKeys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))),
        ["Auth__ApiKeys__0__Roles__0"] = role,
        ["Auth__Local__KeyRingCertificatePath"] = KeyRingCertificate.Value,
    };

    /// <summary>A throw-away self-signed certificate (.pfx, no password), as the README's openssl lines make one, for every server of the run.</summary>
    private static string WriteKeyRingCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=bench-keyring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"co-bench-keyring-{Environment.ProcessId}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }

    /// <summary>A client of the server that sends <paramref name="apiKey"/> with every request.</summary>
    public static HttpClient Client(Uri server, string apiKey, TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = server, Timeout = timeout };
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return client;
    }
}
