using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>One patch change of a chaos run: its desk, the servers it patches, its instance and, once ended, what it left.</summary>
internal sealed class ChaosChange(string desk, string environment, IReadOnlyList<string> servers)
{
    public string Desk { get; } = desk;

    public string Environment { get; } = environment;

    public IReadOnlyList<string> Servers { get; } = servers;

    public string InstanceId { get; set; } = "";

    /// <summary>The change request number (CHG… or ITOPS-…) once raised.</summary>
    public string? Number { get; set; }

    public bool ApprovalPassed { get; set; }

    public JsonNode? Final { get; set; }

    public List<JsonNode> Journal { get; } = [];

    public string Status => Final?["status"]?.GetValue<string>() ?? "Running";
}
