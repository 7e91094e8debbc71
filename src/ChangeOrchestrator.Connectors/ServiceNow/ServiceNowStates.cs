using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>The numeric change_request states of the base system and how they read in the common model.</summary>
internal static class ServiceNowStates
{
    public const string New = "-5";
    public const string Assess = "-4";
    public const string Authorize = "-3";
    public const string Scheduled = "-2";
    public const string Implement = "-1";
    public const string Review = "0";
    public const string Closed = "3";
    public const string Canceled = "4";

    private static readonly Dictionary<string, (ChangeState State, string Label)> Known = new(StringComparer.Ordinal)
    {
        [New] = (ChangeState.New, "New"),
        [Assess] = (ChangeState.Assessing, "Assess"),
        [Authorize] = (ChangeState.AwaitingApproval, "Authorize"),
        [Scheduled] = (ChangeState.Scheduled, "Scheduled"),
        [Implement] = (ChangeState.Implementing, "Implement"),
        [Review] = (ChangeState.Review, "Review"),
        [Closed] = (ChangeState.Closed, "Closed"),
        [Canceled] = (ChangeState.Cancelled, "Canceled"),
    };

    public static bool IsKnown(string value) => Known.ContainsKey(value);

    public static ChangeState ToChangeState(string value) => Known[value].State;

    public static string Label(string value) => Known.TryGetValue(value, out var known) ? known.Label : value;

    public static string ValueOf(ChangeState state) => Known.First(k => k.Value.State == state).Key;

    /// <summary>
    /// How a state a webhook sends reads: a raw value as its label, the spelling <c>Cancelled</c> (some instances'
    /// choice list) as <c>Canceled</c>, any other name as given.
    /// </summary>
    public static string Name(string valueOrName) =>
        Known.TryGetValue(valueOrName, out var known) ? known.Label
        : string.Equals(valueOrName, "Cancelled", StringComparison.OrdinalIgnoreCase) ? Known[Canceled].Label
        : valueOrName;

    /// <summary>The common state a state name stands for (<c>Scheduled</c>, in any case); null for a name the base system does not have.</summary>
    public static ChangeState? StateNamed(string name) =>
        Known.Values.Where(k => string.Equals(k.Label, name, StringComparison.OrdinalIgnoreCase)).Select(k => (ChangeState?)k.State).FirstOrDefault();
}
