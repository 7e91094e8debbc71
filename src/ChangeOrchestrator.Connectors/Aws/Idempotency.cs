using System.Text.RegularExpressions;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>Idempotency tokens end up in command comments, tags and client tokens, so they keep to what all three accept.</summary>
internal static partial class Idempotency
{
    public static void Validate(string token, string what)
    {
        if (!TokenPattern().IsMatch(token))
        {
            throw new FleetException($"The {what} '{token}' must be 1 to 64 characters of letters, digits and ._:-", isTransient: false);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex TokenPattern();
}
