using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>Checks the whole section at start-up; every message names the configuration key at fault.</summary>
internal sealed class ServiceNowSimulatorOptionsValidator : IValidateOptions<ServiceNowSimulatorOptions>
{
    private const string Prefix = ServiceNowSimulatorOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, ServiceNowSimulatorOptions options)
    {
        var failures = new List<string>();
        if (options.FirstChangeNumber is < 1 or > 9_000_000)
        {
            failures.Add(Prefix + "FirstChangeNumber must be between 1 and 9000000.");
        }

        if (options.MaxAttachmentBytes < 1)
        {
            failures.Add(Prefix + "MaxAttachmentBytes must be at least 1.");
        }

        ValidateUsers(options, failures);
        ValidateOAuth(options, failures);
        ValidateApprovers(options, failures);
        ValidateNotifications(options.Notifications, failures);
        ValidateRateLimit(options.RateLimit, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateUsers(ServiceNowSimulatorOptions options, List<string> failures)
    {
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            if (string.IsNullOrWhiteSpace(user.UserName) || string.IsNullOrEmpty(user.Password))
            {
                failures.Add($"{Prefix}Users:{i} needs a UserName and a Password.");
            }
        }

        var duplicates = options.Users.GroupBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        failures.AddRange(duplicates.Select(g => $"{Prefix}Users holds the user name '{g.Key}' more than once."));
    }

    private static void ValidateOAuth(ServiceNowSimulatorOptions options, List<string> failures)
    {
        var oauth = options.OAuth;
        if (oauth.AccessTokenLifetimeSeconds < 1 || oauth.RefreshTokenLifetimeSeconds < 1)
        {
            failures.Add(Prefix + "OAuth:AccessTokenLifetimeSeconds and OAuth:RefreshTokenLifetimeSeconds must be positive.");
        }

        for (var i = 0; i < oauth.Clients.Count; i++)
        {
            var client = oauth.Clients[i];
            if (string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrEmpty(client.ClientSecret))
            {
                failures.Add($"{Prefix}OAuth:Clients:{i} needs a ClientId and a ClientSecret.");
            }

            if (client.ApplicationUser.Length > 0 && !HasUser(options, client.ApplicationUser))
            {
                failures.Add($"{Prefix}OAuth:Clients:{i}:ApplicationUser '{client.ApplicationUser}' is not one of Users.");
            }
        }
    }

    private static void ValidateApprovers(ServiceNowSimulatorOptions options, List<string> failures)
    {
        foreach (var (key, list) in new[] { ("AssessApprovers", options.Approvals.AssessApprovers), ("AuthorizeApprovers", options.Approvals.AuthorizeApprovers) })
        {
            foreach (var userName in ApproverList.Parse(list).Where(u => !HasUser(options, u)))
            {
                failures.Add($"{Prefix}Approvals:{key} names '{userName}', who is not one of Users.");
            }
        }
    }

    private static void ValidateNotifications(ServiceNowNotificationOptions notifications, List<string> failures)
    {
        for (var i = 0; i < notifications.Urls.Count; i++)
        {
            if (!Uri.TryCreate(notifications.Urls[i], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{Prefix}Notifications:Urls:{i} must be an absolute http(s) URL.");
            }
        }

        if (notifications.MaxAttempts is < 1 or > 20)
        {
            failures.Add(Prefix + "Notifications:MaxAttempts must be between 1 and 20.");
        }

        if (notifications.InitialBackoffSeconds < 0 || notifications.TimeoutSeconds <= 0)
        {
            failures.Add(Prefix + "Notifications:InitialBackoffSeconds must not be negative and Notifications:TimeoutSeconds must be positive.");
        }

        if (notifications.AuthMode == WebhookAuthMode.SharedSecret && (string.IsNullOrWhiteSpace(notifications.SecretHeader) || string.IsNullOrEmpty(notifications.Secret)))
        {
            failures.Add(Prefix + "Notifications:SecretHeader and Notifications:Secret are required when AuthMode sends a shared secret.");
        }

        if (notifications.HmacKey.Length > 0 && string.IsNullOrWhiteSpace(notifications.HmacHeader))
        {
            failures.Add(Prefix + "Notifications:HmacHeader is required when Notifications:HmacKey is set.");
        }

        if (notifications.AuthMode == WebhookAuthMode.Basic && string.IsNullOrEmpty(notifications.BasicUserName))
        {
            failures.Add(Prefix + "Notifications:BasicUserName is required when AuthMode is Basic.");
        }
    }

    private static void ValidateRateLimit(ServiceNowRateLimitOptions rateLimit, List<string> failures)
    {
        if (rateLimit.RequestsPerHour < 1)
        {
            failures.Add(Prefix + "RateLimit:RequestsPerHour must be positive.");
        }
    }

    private static bool HasUser(ServiceNowSimulatorOptions options, string userName) =>
        options.Users.Any(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
