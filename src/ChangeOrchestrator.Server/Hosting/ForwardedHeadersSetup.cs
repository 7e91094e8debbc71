using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChangeOrchestrator.Server.Hosting;

/// <summary>Honours forwarded headers only from the proxies of <see cref="ProxyOptions"/>; a wrong entry stops the start, naming it.</summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var addresses = proxies.KnownProxies.Select((text, i) => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"{ProxyOptions.Section}:KnownProxies:{i}: '{text}' is not an IP address.")).ToList();
        var networks = proxies.KnownNetworks.Select((text, i) => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"{ProxyOptions.Section}:KnownNetworks:{i}: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/16).")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            addresses.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        services.AddSingleton(proxies);
        return services;
    }

    /// <summary>First in the pipeline, so every later part (rate limits, audit, HTTPS cookies) sees the client; nothing when no proxy is configured.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ProxyOptions>().Any)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
