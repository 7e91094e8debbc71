using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Connectors.Resilience;

internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "{Desk}: attempt {Attempt} in {Delay} after a transient failure: {Reason}")]
    public static partial void Retrying(ILogger logger, string desk, int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "{Desk}: circuit opened for {BreakDuration} after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, string desk, TimeSpan breakDuration);
}
