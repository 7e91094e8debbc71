namespace ChangeOrchestrator.Simulators.Aws.Faults;

internal enum FaultKind
{
    Latency,
    Throttle,
    ServerError,
}
