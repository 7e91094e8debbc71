namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>One condition of a start rule: the value at a path of the payload equals a text (case-insensitively).</summary>
public sealed class WebhookMatchCondition
{
    /// <summary>A path into the payload, e.g. <c>issue.fields.issuetype.name</c>; see <see cref="WebhookJsonPath"/>.</summary>
    public string Path { get; set; } = "";

    public string EqualTo { get; set; } = "";
}
