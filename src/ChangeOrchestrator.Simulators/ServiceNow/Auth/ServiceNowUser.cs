namespace ChangeOrchestrator.Simulators.ServiceNow.Auth;

/// <summary>The caller of a request, as the simulated ACLs see it.</summary>
internal sealed record ServiceNowUser(string UserName, string SysId, string Name, IReadOnlyList<string> Roles)
{
    public bool IsAdmin => Roles.Contains("admin", StringComparer.OrdinalIgnoreCase);

    /// <summary>Change writers: admin or itil, as the base change_request ACLs require.</summary>
    public bool CanWriteChanges => IsAdmin || Roles.Contains("itil", StringComparer.OrdinalIgnoreCase);
}
