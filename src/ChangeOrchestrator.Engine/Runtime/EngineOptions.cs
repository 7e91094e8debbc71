namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>Runtime limits of the engine (configuration section <c>Engine</c>).</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>The longest node id: leases and claims store it in columns of this width.</summary>
    public const int MaxNodeIdLength = 64;

    /// <summary>Activity executions allowed in one burst before it is stopped as a runaway loop.</summary>
    public int MaxActivitiesPerBurst { get; set; } = 10_000;

    /// <summary>How long a stimulus that matched no bookmark is kept waiting for one.</summary>
    public TimeSpan PendingStimulusTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Times a burst is re-run after losing a race with another executor of the same instance.</summary>
    public int MaxConcurrencyRetries { get; set; } = 20;

    /// <summary>Due timers claimed in one pass of the timer worker (at most as many as it has free firing slots).</summary>
    public int TimerBatchSize { get; set; } = 200;

    /// <summary>
    /// Instances whose due timers one node fires at the same time. Each firing is a burst that may call slow systems
    /// (a desk waiting out a 429, a throttled AWS API): fired one after another, every other due timer of the node
    /// would wait behind the slowest, so a poll due now could fire tens of seconds late. A node claims only as many
    /// timers as it has free slots, leaving the rest to the other nodes.
    /// </summary>
    public int TimerConcurrency { get; set; } = 16;

    /// <summary>
    /// How long a node holds the timers it claimed, renewed every third of it while it fires them: a node that dies
    /// keeps its claims at most this long. Short because it is renewed; a node too starved to renew within it loses the
    /// claim, and the timer fires elsewhere (the instance lease still lets one burst run at a time).
    /// </summary>
    public TimeSpan TimerClaimDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node holds an instance while it runs a burst, renewed by heartbeat every third of it however long
    /// the burst takes; another node waits for it, or for its expiry when the node died (a database clock instant).
    /// Short because it is renewed, so a dead node's instances are taken over within seconds.
    /// </summary>
    public TimeSpan InstanceLeaseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stimulus or an operator's command waits for another node to finish a burst of the same instance.</summary>
    public TimeSpan LeaseWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Arrays longer than this in a step output, a variable or an activity's state are stored apart from the instance
    /// (one row per item, per server) and referenced from it, so the instance row stays small whatever the fleet.
    /// </summary>
    public int InlineListItems { get; set; } = 64;

    /// <summary>This node's name in claims and leases; unique per process unless configured.</summary>
    public string NodeId { get; set; } = DefaultNodeId();

    private static string DefaultNodeId()
    {
        var id = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return id.Length <= MaxNodeIdLength ? id : id[^MaxNodeIdLength..];
    }
}
