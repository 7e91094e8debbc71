namespace ChangeOrchestrator.Patching.ChangeRequests;

public enum ChangeOutcome
{
    Successful,
    SuccessfulWithIssues,
    Unsuccessful,
}
