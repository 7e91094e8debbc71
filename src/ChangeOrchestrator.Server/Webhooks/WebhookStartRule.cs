namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// An element of <c>Webhooks:StartRules</c>: a delivery from <see cref="Source"/> that matches every condition starts
/// an instance of <see cref="DefinitionId"/>, whose id is derived from the delivery so a redelivery starts nothing.
/// </summary>
public sealed class WebhookStartRule
{
    /// <summary><c>servicenow</c> or <c>jira</c>.</summary>
    public string Source { get; set; } = "";

    /// <summary>The payload's event (<c>webhookEvent</c> for Jira, <c>event</c> for ServiceNow); any when empty.</summary>
    public string Event { get; set; } = "";

    public List<WebhookMatchCondition> Match { get; set; } = [];

    public string DefinitionId { get; set; } = "";

    /// <summary>The version to start; the latest when absent.</summary>
    public int? Version { get; set; }

    /// <summary>
    /// Workflow input name → a path into the payload, or one of <c>@desk</c>, <c>@number</c>, <c>@changeKey</c>
    /// (<c>desk:number</c>), which every source provides.
    /// </summary>
    public Dictionary<string, string> Input { get; set; } = new(StringComparer.Ordinal);
}
