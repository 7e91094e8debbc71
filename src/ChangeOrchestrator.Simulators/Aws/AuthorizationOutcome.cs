namespace ChangeOrchestrator.Simulators.Aws;

internal enum AuthorizationOutcome
{
    Accepted,
    Missing,
    Malformed,
    WrongService,
}
