namespace ChangeOrchestrator.Web.Security;

/// <summary>
/// Where the person behind one console connection sits (address and browser), captured when the connection opens:
/// actions taken over the connection are audited with it, as their API twins are with the request's.
/// </summary>
public sealed class ConsoleCaller
{
    public string? RemoteIp { get; set; }

    public string? UserAgent { get; set; }
}
