namespace ChangeOrchestrator.Web.Security;

/// <summary>Where to go after signing in: only a path of this site, so a crafted link cannot send a person elsewhere.</summary>
public static class ReturnUrls
{
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
