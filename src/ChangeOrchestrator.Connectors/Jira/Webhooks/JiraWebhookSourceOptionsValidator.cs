using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Jira.Webhooks;

/// <summary>
/// Checks section <c>Webhooks:Jira</c> at start-up, and that the statuses its deliveries are read by are named. A
/// status list left under the keys read before <c>ServiceDesk:Jira:Statuses</c> became the one place is refused, so a
/// setting nobody reads any more cannot silently stop deciding approvals.
/// </summary>
internal sealed class JiraWebhookSourceOptionsValidator(IConfiguration configuration, IOptions<JiraStatusNames> statuses)
    : IValidateOptions<JiraWebhookSourceOptions>
{
    private static readonly (string OldKey, string Status)[] Replaced =
    [
        ("ApprovedStatuses", nameof(JiraStatusNames.Scheduled)),
        ("DeclinedStatuses", nameof(JiraStatusNames.Declined)),
        ("CancelledStatuses", nameof(JiraStatusNames.Canceled)),
    ];

    public ValidateOptionsResult Validate(string? name, JiraWebhookSourceOptions options)
    {
        var errors = options.SecretProblems(JiraWebhooks.Section).ToList();
        foreach (var (oldKey, status) in Replaced)
        {
            if (configuration.GetSection($"{JiraWebhooks.Section}:{oldKey}").Value is not null)
            {
                errors.Add($"{JiraWebhooks.Section}:{oldKey} is no longer read: name these statuses in {JiraWebhooks.StatusesSection}:{status} instead.");
            }
        }

        if (options.IsConfigured)
        {
            var names = statuses.Value;
            foreach (var (key, list) in new[] { (nameof(names.Scheduled), names.Scheduled), (nameof(names.Declined), names.Declined), (nameof(names.Canceled), names.Canceled) })
            {
                if (JiraStatusNames.Split(list).Count == 0)
                {
                    errors.Add($"{JiraWebhooks.StatusesSection}:{key} must name at least one status.");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
