using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Connectors.Aws.Policies;

/// <summary>Client tokens from the names and content of what is created: the same create retried gets the same token, another one never does.</summary>
internal static class ClientTokens
{
    public static string For(PlannedChange change, string? scope = null) =>
        "co-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            scope is null ? $"{change.Kind}/{change.Name}/{change.Hash}" : $"{change.Kind}/{scope}/{change.Name}/{change.Hash}")))[..40];
}
