namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// What a caller may do. Viewer reads; Operator starts, cancels and retries instances and raises events; Designer
/// validates and publishes definitions; Admin does everything. Approving a change is not a role here: approvals
/// happen in the service desk.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";
    public const string Designer = "Designer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Designer, Admin];

    /// <summary>The roles a granted role carries with it: every role can read, Admin can do everything.</summary>
    public static IEnumerable<string> Expand(string role) => role switch
    {
        Admin => All,
        Operator or Designer => [role, Viewer],
        _ => [role],
    };
}
