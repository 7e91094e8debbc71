namespace ChangeOrchestrator.Web.Security;

/// <summary>
/// The authorization policies the console asks for: the server registers one per role under the role's name, the
/// same policies its API uses, so a page and its API twin admit exactly the same callers.
/// </summary>
public static class ConsolePolicies
{
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";
    public const string Designer = "Designer";
    public const string Admin = "Admin";
}
