namespace ChangeOrchestrator.Simulators.ServiceNow.Changes;

/// <summary>
/// The moves a client may make per change type (A7). Assess→Authorize→Scheduled of a normal change, and
/// Authorize→Scheduled of an emergency one, are made by the approval engine only.
/// </summary>
internal static class ChangeStateMachine
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> Moves = new(StringComparer.Ordinal)
    {
        [ChangeTypes.Normal] = new(StringComparer.Ordinal)
        {
            [ChangeStates.New] = [ChangeStates.Assess],
            [ChangeStates.Assess] = [ChangeStates.New],
            [ChangeStates.Scheduled] = [ChangeStates.Implement],
            [ChangeStates.Implement] = [ChangeStates.Review],
            [ChangeStates.Review] = [ChangeStates.Closed],
        },
        [ChangeTypes.Emergency] = new(StringComparer.Ordinal)
        {
            [ChangeStates.New] = [ChangeStates.Authorize],
            [ChangeStates.Authorize] = [ChangeStates.New],
            [ChangeStates.Scheduled] = [ChangeStates.Implement],
            [ChangeStates.Implement] = [ChangeStates.Review],
            [ChangeStates.Review] = [ChangeStates.Closed],
        },
        [ChangeTypes.Standard] = new(StringComparer.Ordinal)
        {
            [ChangeStates.New] = [ChangeStates.Scheduled],
            [ChangeStates.Scheduled] = [ChangeStates.Implement],
            [ChangeStates.Implement] = [ChangeStates.Review],
            [ChangeStates.Review] = [ChangeStates.Closed],
        },
    };

    private static readonly string[] Cancelable = [ChangeStates.New, ChangeStates.Assess, ChangeStates.Authorize, ChangeStates.Scheduled, ChangeStates.Implement];

    /// <summary>The states a client may move a change to from its current state (the current one excluded).</summary>
    public static IReadOnlyList<string> Targets(string type, string from)
    {
        var targets = Moves.GetValueOrDefault(type)?.GetValueOrDefault(from) ?? [];
        return Cancelable.Contains(from) ? [.. targets, ChangeStates.Canceled] : targets;
    }

    /// <summary>Why a client move is refused, or null when it is allowed.</summary>
    public static string? Refusal(string type, string from, string to)
    {
        if (from == to || Targets(type, from).Contains(to))
        {
            return null;
        }

        if (ChangeStates.IsTerminal(from))
        {
            return $"The change is {ChangeStates.Label(from)}; a {ChangeStates.Label(from).ToLowerInvariant()} change cannot be changed to {ChangeStates.Label(to)}";
        }

        if (to == ChangeStates.Canceled)
        {
            return $"A change in {ChangeStates.Label(from)} cannot be canceled";
        }

        if (IsApprovalDriven(type, from, to))
        {
            return $"The {ChangeStates.Label(from)} approvals must be approved before the change moves to {ChangeStates.Label(to)}";
        }

        return $"State transition from {ChangeStates.Label(from)} to {ChangeStates.Label(to)} is not allowed for a {type} change";
    }

    private static bool IsApprovalDriven(string type, string from, string to) =>
        (type, from, to) is (ChangeTypes.Normal, ChangeStates.Assess, ChangeStates.Authorize)
            or (ChangeTypes.Normal or ChangeTypes.Emergency, ChangeStates.Authorize, ChangeStates.Scheduled);
}
