using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Execution;

/// <summary>What sets a burst of execution going.</summary>
internal abstract record BurstTrigger
{
    private BurstTrigger()
    {
    }

    public static BurstTrigger Start { get; } = new StartTrigger();

    public static BurstTrigger RetryIncident { get; } = new RetryIncidentTrigger();

    public static BurstTrigger Cancel { get; } = new CancelTrigger();

    public static BurstTrigger Resume(StoredBookmark bookmark, JsonNode? payload) => new ResumeTrigger(bookmark, payload);

    public sealed record StartTrigger : BurstTrigger;

    public sealed record ResumeTrigger(StoredBookmark Bookmark, JsonNode? Payload) : BurstTrigger;

    public sealed record RetryIncidentTrigger : BurstTrigger;

    public sealed record CancelTrigger : BurstTrigger;
}
