using System.Security.Cryptography;
using System.Text;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Compares a presented secret with the active ones in time that does not depend on where they differ, nor on their
/// lengths (both sides are hashed to 32 bytes first), nor on which secret matched (every one is compared).
/// </summary>
internal static class SecretComparer
{
    public static bool MatchesAny(string presented, IReadOnlyList<string> secrets)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var matched = false;
        foreach (var secret in secrets)
        {
            matched |= CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        }

        return matched;
    }
}
