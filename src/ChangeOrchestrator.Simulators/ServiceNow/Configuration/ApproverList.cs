namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

internal static class ApproverList
{
    public static IReadOnlyList<string> Parse(string? approvers) =>
        (approvers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
