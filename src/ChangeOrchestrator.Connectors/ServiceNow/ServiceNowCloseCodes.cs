using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>close_code values: successful, successful_issues, unsuccessful.</summary>
internal static class ServiceNowCloseCodes
{
    public static string Of(ChangeOutcome outcome) => outcome switch
    {
        ChangeOutcome.Successful => "successful",
        ChangeOutcome.SuccessfulWithIssues => "successful_issues",
        ChangeOutcome.Unsuccessful => "unsuccessful",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static ChangeOutcome? Parse(string closeCode) => closeCode switch
    {
        "successful" => ChangeOutcome.Successful,
        "successful_issues" => ChangeOutcome.SuccessfulWithIssues,
        "unsuccessful" => ChangeOutcome.Unsuccessful,
        _ => null,
    };
}
