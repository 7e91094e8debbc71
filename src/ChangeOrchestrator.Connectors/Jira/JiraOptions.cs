using ChangeOrchestrator.Connectors.Resilience;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>Configuration section <c>ServiceDesk:Jira</c>; the desk is registered when BaseUrl is set.</summary>
internal sealed class JiraOptions
{
    public const string Section = "ServiceDesk:Jira";

    /// <summary>The site (https://acme.atlassian.net) or, for OAuth tokens, the gateway URL https://api.atlassian.com/ex/jira/{cloudId}.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>With <see cref="ApiToken"/>: Basic auth of an Atlassian account.</summary>
    public string Email { get; set; } = "";

    public string ApiToken { get; set; } = "";

    /// <summary>An OAuth 2.0 access token, instead of Email and ApiToken.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>The JSM IT service project that holds the changes.</summary>
    public string ProjectKey { get; set; } = "";

    /// <summary>"Change" on some sites; "[System] Change" is also accepted when this name is not found.</summary>
    public string ChangeIssueTypeName { get; set; } = "Change";

    public JiraFieldNames Fields { get; set; } = new();

    public JiraStatusNames Statuses { get; set; } = new();

    /// <summary>Option values of the change type field for each change type.</summary>
    public Dictionary<ChangeType, string> ChangeTypeValues { get; set; } = new()
    {
        [ChangeType.Standard] = "Standard",
        [ChangeType.Normal] = "Normal",
        [ChangeType.Emergency] = "Emergency",
    };

    public Dictionary<ChangeRisk, string> RiskValues { get; set; } = new()
    {
        [ChangeRisk.Low] = "Low",
        [ChangeRisk.Medium] = "Medium",
        [ChangeRisk.High] = "High",
        [ChangeRisk.Critical] = "Critical",
    };

    public Dictionary<ChangeImpact, string> ImpactValues { get; set; } = new()
    {
        [ChangeImpact.Low] = "Minor / localized",
        [ChangeImpact.Medium] = "Moderate / limited",
        [ChangeImpact.High] = "Significant / large",
    };

    public ServiceDeskResilienceOptions Resilience { get; set; } = new();

    /// <summary>The base URL with a trailing slash, so relative resources keep its path (the gateway's /ex/jira/{cloudId}).</summary>
    public Uri SiteUri => new(BaseUrl.TrimEnd('/') + "/");
}
