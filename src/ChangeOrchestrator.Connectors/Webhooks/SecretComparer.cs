using System.Security.Cryptography;
using System.Text;

namespace ChangeOrchestrator.Connectors.Webhooks;

/// <summary>
/// Compares what a delivery presents with what the active secrets expect in time that does not depend on where they
/// differ, nor on which secret matched (every one is compared).
/// </summary>
internal static class SecretComparer
{
    /// <summary>A presented secret against the active ones; both sides are hashed to 32 bytes first, so their lengths do not show either.</summary>
    public static bool MatchesAny(string presented, IReadOnlyList<string> secrets) =>
        MatchesAny(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), secrets.Select(secret => SHA256.HashData(Encoding.UTF8.GetBytes(secret))));

    /// <summary>Given bytes (a digest or signature) against the one each active secret expects.</summary>
    public static bool MatchesAny(ReadOnlySpan<byte> given, IEnumerable<byte[]> expected)
    {
        var matched = false;
        foreach (var candidate in expected)
        {
            matched |= CryptographicOperations.FixedTimeEquals(given, candidate);
        }

        return matched;
    }
}
