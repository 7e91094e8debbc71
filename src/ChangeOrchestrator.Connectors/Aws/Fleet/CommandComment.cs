using System.Globalization;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// The command Comment carries the idempotency token and the batch, which is how a repeated request recognises its
/// own commands: SendCommand has no client token, and ListCommands cannot filter by anything the caller chooses.
/// </summary>
internal static class CommandComment
{
    private const string Prefix = "ChangeOrchestrator";

    /// <summary>At most 19 + 64 + 13 characters, inside the service's 100.</summary>
    public static string For(string token, int batch, int batches) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix} {token} {batch}/{batches}");
}
