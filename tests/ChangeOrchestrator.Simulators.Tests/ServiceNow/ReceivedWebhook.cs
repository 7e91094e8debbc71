using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow;

public sealed record ReceivedWebhook(string Body, IReadOnlyDictionary<string, string> Headers, int AnsweredStatus)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
