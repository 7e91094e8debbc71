namespace ChangeOrchestrator.Server.Hosting;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the reverse proxies or load balancers whose <c>X-Forwarded-For</c>
/// and <c>X-Forwarded-Proto</c> are believed. None by default: a forwarded header from anyone else is ignored, so a
/// client cannot choose the address the login rate limit and the audit log see.
/// </summary>
internal sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/16</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
