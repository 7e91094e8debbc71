using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Instances;

/// <summary>What the engine keeps of one activity of one instance between bursts.</summary>
public sealed class ActivityRuntimeState
{
    /// <summary>Attempt of the current execution (1-based); reset when the activity finishes.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>Finished executions so far; part of the idempotency key of side effects.</summary>
    public int Executions { get; set; }

    /// <summary>True while the activity is suspended on bookmarks.</summary>
    public bool Waiting { get; set; }

    /// <summary>When the current attempt times out while suspended; kept across re-suspensions (polling) of one attempt.</summary>
    public DateTimeOffset? TimeoutAt { get; set; }

    public JsonObject Data { get; set; } = [];

    public ActivityRuntimeState Clone() => new()
    {
        Attempt = Attempt,
        Executions = Executions,
        Waiting = Waiting,
        TimeoutAt = TimeoutAt,
        Data = (JsonObject)Data.DeepClone(),
    };
}
