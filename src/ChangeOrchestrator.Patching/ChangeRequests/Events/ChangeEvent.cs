namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>
/// One thing a desk reported about one of its changes, in words every desk shares: a decision, a cancellation or a
/// state change. What the desk's payload calls it is the desk's business; this is what the rest of the product sees.
/// </summary>
public sealed record ChangeEvent
{
    /// <summary>The desk's name, e.g. <c>servicenow</c> or <c>jira</c>.</summary>
    public required string Desk { get; init; }

    /// <summary>The change number in the desk, e.g. <c>CHG0030001</c> or <c>ITOPS-12</c>.</summary>
    public required string Change { get; init; }

    public required ChangeEventKind Kind { get; init; }

    /// <summary>The state or status the change is now in, as the desk names it (<c>Scheduled</c>); null when not reported.</summary>
    public string? State { get; init; }

    /// <summary>The desk's raw value of <see cref="State"/> when it differs from its name (ServiceNow's <c>-2</c>).</summary>
    public string? StateValue { get; init; }

    /// <summary>Who decided or changed it, as the desk names them.</summary>
    public string? By { get; init; }

    public string? Comment { get; init; }

    /// <summary>When the desk sent it, by the desk's own clock; null when the payload carries no time.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary><c>desk:number</c>, the key every stimulus about the change carries.</summary>
    public string Key => ChangeStimuli.Key(Desk, Change);
}
