using System.ComponentModel.DataAnnotations;
using ChangeOrchestrator.Simulators.Jira.Configuration;

namespace ChangeOrchestrator.Simulators.Jira;

/// <summary>
/// Configuration section <c>Simulators:Jira</c>. Lists left empty fall back to the built-in site (accounts, workflow),
/// because the configuration binder appends to, rather than replaces, lists that start with items.
/// </summary>
public sealed class JiraSimulatorOptions
{
    public const string Section = "Simulators:Jira";

    [Required]
    [RegularExpression("^[A-Z][A-Z0-9]{1,9}$", ErrorMessage = "Simulators:Jira:ProjectKey must be 2-10 upper-case letters or digits, starting with a letter.")]
    public string ProjectKey { get; set; } = "ITOPS";

    [Required]
    [RegularExpression("^[0-9]+$", ErrorMessage = "Simulators:Jira:ProjectId must be numeric.")]
    public string ProjectId { get; set; } = "10000";

    [Required]
    public string ProjectName { get; set; } = "IT Operations";

    [Required]
    [RegularExpression("^[0-9]+$", ErrorMessage = "Simulators:Jira:ServiceDeskId must be numeric.")]
    public string ServiceDeskId { get; set; } = "1";

    /// <summary>"Change" on some sites, "[System] Change" on others; connectors must resolve it, so tests can vary it.</summary>
    [Required]
    public string ChangeIssueTypeName { get; set; } = "Change";

    [Required]
    [RegularExpression("^[0-9]+$", ErrorMessage = "Simulators:Jira:ChangeIssueTypeId must be numeric.")]
    public string ChangeIssueTypeId { get; set; } = "10004";

    /// <summary>Identifies the site behind the gateway style base URL <c>/ex/jira/{cloudId}</c>.</summary>
    [Required]
    public string CloudId { get; set; } = "7c8e0f4a-3b1d-4c2e-9f6a-5d4b3a2c1e0f";

    /// <summary>Basic-auth accounts (email + API token); empty means the built-in orchestrator, approver and viewer.</summary>
    public List<JiraAccountOptions> Accounts { get; set; } = [];

    /// <summary>OAuth access tokens; empty means one app token acting as the first account.</summary>
    public List<JiraBearerTokenOptions> BearerTokens { get; set; } = [];

    /// <summary>Real sites only accept OAuth bearer tokens through the api.atlassian.com gateway URL.</summary>
    public bool BearerAcceptedOnSiteUrl { get; set; }

    /// <summary>Some paths answer 401 with the sentence as text/plain instead of an ErrorCollection.</summary>
    public bool UnauthorizedAsPlainText { get; set; }

    /// <summary>Some sites treat missing credentials as anonymous: search answers 200 with no issues instead of 401.</summary>
    public bool AnonymousSearchReturnsEmpty { get; set; }

    /// <summary>Status of an attachment upload without <c>X-Atlassian-Token: no-check</c> (the XSRF check).</summary>
    [Range(400, 499)]
    public int AttachmentWithoutTokenStatus { get; set; } = 403;

    /// <summary>Seed of the random numbers behind error-rate faults, so a run can be repeated.</summary>
    public int FaultSeed { get; set; } = 42;

    public JiraCustomFieldsOptions CustomFields { get; set; } = new();

    public JiraWorkflowOptions Workflow { get; set; } = new();

    public JiraApprovalOptions Approval { get; set; } = new();

    public JiraLimitsOptions Limits { get; set; } = new();

    public JiraRateLimitOptions RateLimit { get; set; } = new();

    public JiraWebhookDeliveryOptions WebhookDelivery { get; set; } = new();

    /// <summary>Admin webhooks present from the start, as if registered in the admin UI (e.g. the server's /webhooks/jira).</summary>
    public List<JiraWebhookOptions> Webhooks { get; set; } = [];
}
