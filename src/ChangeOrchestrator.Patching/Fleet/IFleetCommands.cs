namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// Shell or PowerShell lines run on servers through their management agent, e.g. an application check after patching.
/// Failures surface as <see cref="FleetException"/>, classified transient or permanent.
/// </summary>
public interface IFleetCommands
{
    /// <summary>
    /// Runs the lines on every server (shell on Linux and macOS, PowerShell on Windows), or finds the commands an
    /// earlier call with the same idempotency token sent; never sends a second time.
    /// </summary>
    Task<FleetCommandReference> StartCommandAsync(FleetCommandRequest request, CancellationToken cancellationToken);

    Task<FleetCommandStatus> GetCommandStatusAsync(FleetCommandReference reference, CancellationToken cancellationToken);
}
