using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>
/// The stimuli a change event raises in the engine: their kinds, their key (<c>desk:number</c>) and their payloads.
/// Defined once here, so the activities that wait for them and the webhooks that raise them cannot drift apart.
/// </summary>
public static class ChangeStimuli
{
    /// <summary>A decision: <c>{ decision: approved | rejected, by?, comment? }</c>.</summary>
    public const string Approval = "approval";

    /// <summary>A cancellation in the desk: <c>{ state, by? }</c>.</summary>
    public const string Cancelled = "change-cancelled";

    /// <summary>Any other move: <c>{ state, value? }</c>.</summary>
    public const string StateChanged = "change-state";

    public static string Key(string desk, string change) => $"{desk}:{change}";

    public static string KindOf(ChangeEventKind kind) => kind switch
    {
        ChangeEventKind.Approved or ChangeEventKind.Rejected => Approval,
        ChangeEventKind.Cancelled => Cancelled,
        _ => StateChanged,
    };

    /// <summary>The stimulus payload; fields the desk did not report are left out rather than sent as null.</summary>
    public static JsonObject PayloadOf(ChangeEvent change) => change.Kind switch
    {
        ChangeEventKind.Approved => Fields(("decision", "approved"), ("by", change.By), ("comment", change.Comment)),
        ChangeEventKind.Rejected => Fields(("decision", "rejected"), ("by", change.By), ("comment", change.Comment)),
        ChangeEventKind.Cancelled => Fields(("state", change.State), ("by", change.By)),
        _ => Fields(("state", change.State), ("value", change.StateValue)),
    };

    private static JsonObject Fields(params (string Name, string? Value)[] fields)
    {
        var payload = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                payload[name] = value;
            }
        }

        return payload;
    }
}
