using System.Security.Cryptography;
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
    };

    /// <summary>A client of the server that sends <paramref name="apiKey"/> with every request.</summary>
    public static HttpClient Client(Uri server, string apiKey, TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = server, Timeout = timeout };
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return client;
    }
}
