using ChangeOrchestrator.Simulators.Jira.Site;

namespace ChangeOrchestrator.Simulators.Jira.Auth;

internal static class JiraCallerAccess
{
    private static readonly object ItemKey = new();

    public static void SetJiraCaller(this HttpContext context, JiraCaller caller) => context.Items[ItemKey] = caller;

    public static JiraCaller JiraCaller(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) && caller is JiraCaller known ? known : Auth.JiraCaller.Anonymous;

    /// <summary>The authenticated account; the auth filter has already refused anonymous callers on every route using this.</summary>
    public static JiraAccount JiraAccount(this HttpContext context) =>
        context.JiraCaller().Account ?? throw new InvalidOperationException("The Jira auth filter did not run for this endpoint.");
}
