using ChangeOrchestrator.Simulators.Jira.Configuration;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Webhooks;

namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>Resolves the options into a <see cref="JiraSite"/>, naming the configuration key of every problem found.</summary>
internal static class JiraSiteBuilder
{
    private const string Root = JiraSimulatorOptions.Section;

    public static JiraSite Build(JiraSimulatorOptions options)
    {
        var errors = new List<string>();
        var site = TryBuild(options, errors);
        return site ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }

    public static JiraSite? TryBuild(JiraSimulatorOptions options, List<string> errors)
    {
        var accounts = BuildAccounts(options, errors);
        var tokens = BuildBearerTokens(options, accounts, errors);
        var issueTypes = BuildIssueTypes(options, errors);
        var fields = BuildFields(options.CustomFields, errors);
        var workflow = JiraWorkflowBuilder.TryBuild(options, accounts, errors);
        JiraWebhookSeedValidator.Validate(options, errors);
        if (options.RateLimit.Window <= TimeSpan.Zero)
        {
            errors.Add($"{Root}:RateLimit:Window must be positive.");
        }

        var delivery = options.WebhookDelivery;
        if (delivery.FirstRetryDelay <= TimeSpan.Zero || delivery.MaxRetryDelay < delivery.FirstRetryDelay || delivery.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{Root}:WebhookDelivery: FirstRetryDelay and Timeout must be positive and MaxRetryDelay at least FirstRetryDelay.");
        }

        if (errors.Count > 0 || workflow is null)
        {
            return null;
        }

        var project = new JiraProject(options.ProjectId, options.ProjectKey, options.ProjectName, options.ServiceDeskId);
        return new JiraSite(project, issueTypes, accounts, tokens, fields, workflow, options.CloudId, [.. options.Webhooks]);
    }

    private static List<JiraAccount> BuildAccounts(JiraSimulatorOptions options, List<string> errors)
    {
        var configured = options.Accounts.Count > 0 ? options.Accounts : JiraSiteDefaults.Accounts();
        var accounts = new List<JiraAccount>();
        for (var i = 0; i < configured.Count; i++)
        {
            var a = configured[i];
            var key = $"{Root}:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(a.AccountId) || string.IsNullOrWhiteSpace(a.Email) || string.IsNullOrWhiteSpace(a.ApiToken))
            {
                errors.Add($"{key}: AccountId, Email and ApiToken are required.");
                continue;
            }

            if (accounts.Any(x => x.AccountId == a.AccountId || string.Equals(x.Email, a.Email, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{key}: AccountId '{a.AccountId}' or Email '{a.Email}' is used twice.");
                continue;
            }

            var displayName = string.IsNullOrWhiteSpace(a.DisplayName) ? a.Email : a.DisplayName;
            accounts.Add(new JiraAccount(a.AccountId, a.Email, a.ApiToken, displayName, a.TimeZone, a.Role));
        }

        if (accounts.Count == 0)
        {
            errors.Add($"{Root}:Accounts must name at least one valid account.");
        }

        return accounts;
    }

    private static List<JiraBearerToken> BuildBearerTokens(JiraSimulatorOptions options, List<JiraAccount> accounts, List<string> errors)
    {
        var configured = options.BearerTokens.Count > 0
            ? options.BearerTokens
            : JiraSiteDefaults.BearerTokens(options.Accounts.Count > 0 ? options.Accounts : JiraSiteDefaults.Accounts());
        var tokens = new List<JiraBearerToken>();
        for (var i = 0; i < configured.Count; i++)
        {
            var t = configured[i];
            var account = accounts.FirstOrDefault(a => a.AccountId == t.AccountId);
            if (string.IsNullOrWhiteSpace(t.Token) || account is null || tokens.Any(x => x.Token == t.Token))
            {
                errors.Add($"{Root}:BearerTokens:{i}: Token must be unique and AccountId must name a configured account.");
                continue;
            }

            tokens.Add(new JiraBearerToken(t.Token, account, t.IsApp));
        }

        return tokens;
    }

    private static List<JiraIssueType> BuildIssueTypes(JiraSimulatorOptions options, List<string> errors)
    {
        List<JiraIssueType> others =
        [
            new("10001", "Service request", "Requests for help or information.", false),
            new("10002", "Incident", "An unplanned interruption to a service.", false),
            new("10003", "Problem", "The cause of one or more incidents.", false),
        ];
        if (others.Any(t => t.Id == options.ChangeIssueTypeId || string.Equals(t.Name, options.ChangeIssueTypeName, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"{Root}:ChangeIssueTypeId/ChangeIssueTypeName collide with a built-in issue type (10001-10003, Service request, Incident, Problem).");
        }

        var change = new JiraIssueType(options.ChangeIssueTypeId, options.ChangeIssueTypeName, "A request to change the state of a service or its configuration.", true);
        return [.. others, change];
    }

    private static JiraFieldCatalog BuildFields(JiraCustomFieldsOptions custom, List<string> errors)
    {
        JiraCustomFieldOptions[] all =
        [
            custom.Approvers, custom.Impact, custom.ChangeType, custom.ChangeRisk, custom.ChangeReason, custom.ChangeStartDate,
            custom.ChangeCompletionDate, custom.RequestType, custom.ImplementationPlan, custom.BackoutPlan, custom.TestPlan, custom.AffectedServers,
        ];
        var ids = all.Where(f => f.Id != 0).Select(f => f.Id).ToList();
        if (ids.Any(id => id < 10000) || ids.Distinct().Count() != ids.Count)
        {
            errors.Add($"{Root}:CustomFields: ids must be unique and at least 10000 (0 leaves a field off the site).");
        }

        if (custom.RequestType.Required)
        {
            errors.Add($"{Root}:CustomFields:RequestType:Required cannot be set: the field is read-only.");
        }

        return JiraFieldCatalog.Create(custom);
    }
}
