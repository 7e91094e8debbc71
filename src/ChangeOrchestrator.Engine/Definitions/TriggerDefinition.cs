using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>What starts an instance without a caller: a cron schedule, a service-desk event or a webhook.</summary>
public sealed record TriggerDefinition
{
    public required TriggerType Type { get; init; }

    /// <summary>Cron expression (five fields, UTC unless <see cref="TimeZone"/> is set) for <see cref="TriggerType.Cron"/>.</summary>
    public string? Schedule { get; init; }

    public string? TimeZone { get; init; }

    /// <summary>Stimulus kind for <see cref="TriggerType.Event"/> and <see cref="TriggerType.Webhook"/> triggers.</summary>
    public string? Kind { get; init; }

    /// <summary>Input given to the started instance.</summary>
    public JsonObject? Input { get; init; }
}
