namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>One account: a sys_user record that can also sign in with basic auth or the password grant.</summary>
internal sealed class ServiceNowUserOptions
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Display name, shown wherever the user is referenced.</summary>
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary><c>admin</c> may do anything; <c>itil</c> may write changes; without either the account is read-only.</summary>
    public List<string> Roles { get; set; } = [];
}
