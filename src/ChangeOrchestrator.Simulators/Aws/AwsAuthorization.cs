namespace ChangeOrchestrator.Simulators.Aws;

/// <summary>
/// SigV4 as far as the simulator cares: the header must be there and scoped to the service; the signature itself
/// is not verified (any secret key works).
/// </summary>
internal static class AwsAuthorization
{
    public static AuthorizationOutcome Check(HttpRequest request, string service)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthorizationOutcome.Missing;
        }

        const string scheme = "AWS4-HMAC-SHA256 ";
        var credential = header.StartsWith(scheme, StringComparison.Ordinal)
            ? header[scheme.Length..].Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(p => p.StartsWith("Credential=", StringComparison.Ordinal))
            : null;
        var scope = credential?["Credential=".Length..].Split('/');
        if (scope is not { Length: 5 } || scope[0].Length == 0 || scope[4] != "aws4_request")
        {
            return AuthorizationOutcome.Malformed;
        }

        return scope[3] == service ? AuthorizationOutcome.Accepted : AuthorizationOutcome.WrongService;
    }
}
