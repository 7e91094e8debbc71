namespace ChangeOrchestrator.Simulators.ServiceNow.Changes;

internal static class ChangeTypes
{
    public const string Normal = "normal";
    public const string Standard = "standard";
    public const string Emergency = "emergency";

    public static bool IsKnown(string type) => type is Normal or Standard or Emergency;
}
