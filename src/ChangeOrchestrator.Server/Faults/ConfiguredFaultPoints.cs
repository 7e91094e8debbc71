using System.Diagnostics;
using ChangeOrchestrator.Engine.Faults;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Faults;

/// <summary>The fault drill of <see cref="FaultDrillOptions"/>: at its point, kills this process or stalls.</summary>
internal sealed partial class ConfiguredFaultPoints(IOptions<FaultDrillOptions> options, TimeProvider time, ILogger<ConfiguredFaultPoints> logger) : IFaultPoints
{
    private int _passes;

    public async ValueTask ReachAsync(string point, CancellationToken cancellationToken)
    {
        var drill = options.Value;
        if (!string.Equals(drill.Point, point, StringComparison.Ordinal))
        {
            return;
        }

        var pass = Interlocked.Increment(ref _passes);
        if (drill.Times > 0 && pass > drill.Times)
        {
            return;
        }

        LogDrill(logger, drill.Action, point, pass);
        if (drill.Action == FaultDrillAction.Kill)
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }

        await Task.Delay(drill.Stall, time, cancellationToken);
    }

    [LoggerMessage(EventId = 5901, Level = LogLevel.Warning, Message = "Fault drill: {Action} at {Point} (pass {Pass})")]
    private static partial void LogDrill(ILogger logger, FaultDrillAction action, string point, int pass);
}
