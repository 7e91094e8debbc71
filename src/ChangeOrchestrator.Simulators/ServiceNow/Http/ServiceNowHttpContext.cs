using ChangeOrchestrator.Simulators.ServiceNow.Auth;

namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

/// <summary>What the filters learn about a request (who calls, where the instance is mounted) for the handlers.</summary>
internal static class ServiceNowHttpContext
{
    private const string UserKey = "ServiceNow.User";
    private const string InstanceUrlKey = "ServiceNow.InstanceUrl";

    public static void SetUser(this HttpContext context, ServiceNowUser user) => context.Items[UserKey] = user;

    /// <summary>The authenticated caller; endpoints behind the authentication filter always have one.</summary>
    public static ServiceNowUser GetUser(this HttpContext context) =>
        context.Items[UserKey] as ServiceNowUser ?? throw new InvalidOperationException("The request has not been authenticated.");

    public static void SetInstanceUrl(this HttpContext context, string instanceUrl) => context.Items[InstanceUrlKey] = instanceUrl;

    /// <summary>The instance base URL without a trailing slash, e.g. http://127.0.0.1:5090/sim/servicenow.</summary>
    public static string GetInstanceUrl(this HttpContext context) =>
        context.Items[InstanceUrlKey] as string ?? throw new InvalidOperationException("The instance URL is set by the mount filter.");
}
