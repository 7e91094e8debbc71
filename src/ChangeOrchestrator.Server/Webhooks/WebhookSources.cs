namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>The desks that send webhooks; also the desk part of the keys their stimuli carry (<c>desk:number</c>).</summary>
internal static class WebhookSources
{
    public const string ServiceNow = "servicenow";

    public const string Jira = "jira";

    public static readonly IReadOnlyList<string> All = [ServiceNow, Jira];
}
