namespace ChangeOrchestrator.Web.Account;

/// <summary>The fields of the sign-in form.</summary>
public sealed class SignInForm
{
    public string? Username { get; set; }

    public string? Password { get; set; }
}
