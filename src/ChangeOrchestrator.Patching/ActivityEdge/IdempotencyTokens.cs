using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>
/// Turns an activity's idempotency key into a token the fleet services accept (1 to 64 letters, digits and
/// <c>._:-</c>): commands, snapshots and restores carry it, so a re-run after a crash finds what it already did.
/// </summary>
internal static partial class IdempotencyTokens
{
    /// <summary>The key itself when it fits, so people can read it on the command or snapshot; otherwise a stable hash of it.</summary>
    public static string From(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        if (Allowed().IsMatch(idempotencyKey))
        {
            return idempotencyKey;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        return "co-" + hash[..40];
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex Allowed();
}
