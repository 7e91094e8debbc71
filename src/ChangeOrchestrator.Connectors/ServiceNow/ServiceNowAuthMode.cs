namespace ChangeOrchestrator.Connectors.ServiceNow;

internal enum ServiceNowAuthMode
{
    /// <summary>Basic auth with User and Password.</summary>
    Basic,

    /// <summary>
    /// A bearer token from /oauth_token.do: the password grant when User and Password are set (the token acts for that
    /// user), else client_credentials (the token acts as the OAuth entity's application user).
    /// </summary>
    OAuth,
}
