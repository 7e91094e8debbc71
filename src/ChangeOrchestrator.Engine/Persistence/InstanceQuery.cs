using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// A page of instances, newest first. <see cref="After"/> is the continuation token of the previous page (keyset
/// paging on creation order), so a page costs the same however many instances exist.
/// </summary>
public sealed record InstanceQuery
{
    public InstanceStatus? Status { get; init; }

    public string? DefinitionId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>A change number (CHG0030001, ITOPS-12) raised by the instance, or its correlation id.</summary>
    public string? Reference { get; init; }

    /// <summary>Only instances suspended at this activity (holding a bookmark of it).</summary>
    public string? WaitingActivity { get; init; }

    /// <summary>Created at or after (inclusive).</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before (exclusive).</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Only instances that raised a change request (a step output names its desk, see <see cref="DeskFragment"/>).</summary>
    public bool RaisedChange { get; init; }

    /// <summary>
    /// Only what a list of instances shows (identity, status, times, incident): a store may leave the input, variables,
    /// step outputs, activity state and queue empty, so a page of 50 does not read a 1,000-server change's outputs.
    /// </summary>
    public bool SummaryOnly { get; init; }

    public string? After { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>
    /// How a change number appears in an instance's step outputs (the <c>number</c> output of the activity that
    /// raised it), so the reference filter finds it in the stored text without parsing every instance.
    /// </summary>
    public static string NumberFragment(string reference) => "\"number\":\"" + reference + "\"";

    /// <summary>How the step that raised a change request records its desk in the stored step outputs.</summary>
    public const string DeskFragment = "\"desk\":\"";
}
