using ChangeOrchestrator.Patching.Compliance.Reports;
using ChangeOrchestrator.Web.Admin;
using ChangeOrchestrator.Web.Changes;
using ChangeOrchestrator.Web.Designer;
using ChangeOrchestrator.Web.Instances;
using ChangeOrchestrator.Web.Live;
using ChangeOrchestrator.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace ChangeOrchestrator.Web;

/// <summary>The web console: Razor components rendered on the server, served at <c>/</c> beside the API.</summary>
public static class WebConsoleExtensions
{
    /// <summary>Paths that belong to the server, never to the console's pages.</summary>
    private static readonly string[] ServerPaths = ["/api", "/auth", "/openapi", "/health", "/metrics", "/sim", "/webhooks"];

    public static IServiceCollection AddWebConsole(this IServiceCollection services, Action<ConsoleOptions> configure)
    {
        services.Configure(configure);
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub =>
            {
                // The designer sends whole workflow files over the connection (an imported file is streamed in 32 KiB
                // chunks, but an expression or a text field can be large): the default 32 KiB limit on one incoming
                // message would close the connection. 2 MiB covers the largest definition the API accepts (1 MiB)
                // with room for JSON escaping.
                hub.MaximumReceiveMessageSize = 2 * 1024 * 1024;
            });
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddMudServices();
        services.AddScoped<ConsoleCaller>();
        services.AddScoped<CircuitHandler, ConsoleCallerCircuitHandler>();
        services.AddScoped<ConsoleAudit>();
        services.AddScoped<InstanceActions>();
        services.AddScoped<InstanceDetailsReader>();
        services.AddScoped<ChangeSummaries>();
        services.AddScoped<ApiKeyActions>();
        services.TryAddSingleton<ComplianceReports>();
        services.AddScoped<DesignerWorkspace>();
        services.AddSingleton<DesignerPreparation>();
        services.AddSingleton<SharedInstanceReads>();
        services.AddSingleton<LiveRefreshMetrics>();
        services.AddSingleton<SharedInstanceVersions>();
        services.AddSingleton<RenderedEvidence>();
        services.AddSingleton<FinishedInstances>();
        return services;
    }

    /// <summary>Whether a request is for the console (a page, its assets or its live connection) rather than the API.</summary>
    public static bool IsConsolePath(PathString path) =>
        !ServerPaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The pages (each authorized by its role policy, everything else by the server's fallback policy), their static
    /// assets (open: the sign-in page needs them), sign-out, and the evidence download.
    /// </summary>
    /// <param name="app">The server.</param>
    /// <param name="staticAssetsManifest">The host's static assets manifest (<c>&lt;host&gt;.staticwebassets.endpoints.json</c>); null when absent.</param>
    public static WebApplication MapWebConsole(this WebApplication app, string? staticAssetsManifest)
    {
        app.UseAntiforgery();
        if (staticAssetsManifest is not null)
        {
            app.MapStaticAssets(staticAssetsManifest).AllowAnonymous();
        }

        var components = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // The framework's script is an asset like the others: the sign-in page loads it before anyone has signed in.
        components.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.TrimStart('/').StartsWith("_framework/", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        app.MapPost("/signout", async (HttpContext context, IConsoleSignIn signIn) =>
            {
                await signIn.SignOutAsync(context);
                return Results.Redirect("/signin");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute(required: true))
            .AllowAnonymous();
        app.MapGet("/signin/external", (HttpContext context, IConsoleSignIn signIn, string? returnUrl) =>
                signIn.ChallengeAsync(context, ReturnUrls.Local(returnUrl)))
            .AllowAnonymous();
        app.MapGet("/instances/{id}/evidence.json", EvidenceDownload.GetAsync).RequireAuthorization(ConsolePolicies.Viewer);
        return app;
    }
}
