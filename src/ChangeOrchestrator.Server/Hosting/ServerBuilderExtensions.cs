using System.Text.Json.Serialization;
using ChangeOrchestrator.Connectors;
using ChangeOrchestrator.Engine.Expressions;
using ChangeOrchestrator.Engine.Observation;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Patching.AllowedValues;
using ChangeOrchestrator.Patching.Assessment;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching;
using ChangeOrchestrator.Persistence.Clock;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Server.Api;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Compliance;
using ChangeOrchestrator.Server.Database;
using ChangeOrchestrator.Server.Faults;
using ChangeOrchestrator.Server.Health;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Policies;
using ChangeOrchestrator.Server.Sandbox;
using ChangeOrchestrator.Server.Security;
using ChangeOrchestrator.Server.Settings;
using ChangeOrchestrator.Server.Telemetry;
using ChangeOrchestrator.Server.Webhooks;
using ChangeOrchestrator.Server.Workers;
using ChangeOrchestrator.Server.Workflows;
using ChangeOrchestrator.Simulators;
using ChangeOrchestrator.Web.Admin;
using ChangeOrchestrator.Web.Security;
using ChangeOrchestrator.Web;

namespace ChangeOrchestrator.Server.Hosting;

/// <summary>What the server is made of, in the order a reader wants to learn it.</summary>
internal static class ServerBuilderExtensions
{
    public static WebApplicationBuilder AddChangeOrchestrator(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddWorkflowEngine();
        services.AddOptions<EngineOptions>().BindConfiguration("Engine");
        services.AddOptions<ExpressionLimits>().BindConfiguration("Engine:Expressions");
        var persistence = PersistenceConfiguration.Read(configuration);
        services.AddWorkflowPersistence(persistence);
        services.AddInstanceChangeFeed();
        services.AddFaultDrill(configuration);
        services.UseDatabaseClock(persistence);
        services.AddOptions<WorkflowsOptions>().BindConfiguration(WorkflowsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RuntimeWorkerOptions>().BindConfiguration(RuntimeWorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section);
        services.AddHostedService<WorkflowImporter>();
        services.AddOptions<PoliciesOptions>().BindConfiguration(PoliciesOptions.Section);
        services.AddSingleton<PolicyFolderLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyFolderLoader>());
        services.AddHostedService<TimerWorker>();
        services.AddHostedService<StimulusExpiryWorker>();
        services.AddHostedService<CronTriggerWorker>();
        services.AddSingleton<WorkerHeartbeats>();
        services.AddHostedService<ReconcilerWorker>();

        var sandbox = SandboxMode.Resolve(builder.Configuration, builder.Environment);
        if (sandbox)
        {
            builder.Configuration.AddInMemoryCollection(SandboxConnections.Defaults(configuration));
            services.AddSimulators(configuration);
        }

        services.AddPatching(configuration);
        WebhookSandbox.Apply(configuration);
        services.AddServiceDeskWebhooks();
        services.AddWebhooks();

        services.AddChangeOrchestratorAuth(sandbox);
        services.AddSessionKeyRing(configuration, builder.Environment);
        services.AddConsole(configuration, sandbox);

        // Run from a build folder (not published) in any environment, the console's assets are found where the
        // build left them; a published server has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        services.AddTrustedProxies(configuration);
        services.AddProblemDetails();
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails += ProblemDetailsWording.Apply);
        services.AddOptions<ApiLimitsOptions>().BindConfiguration(ApiLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Body binding failures go through the exception handler, which quotes the JSON reader's message (it names the property).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(json =>
        {
            // Unknown properties in a request body are an error that names the property, not silently ignored.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi();
        services.AddChangeOrchestratorTelemetry(configuration);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<WorkersHealthCheck>("workers", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The change-management activities and the connectors they use: each service desk whose section is configured,
    /// and AWS once a region is. Without a region the patching activities fail with an incident naming the missing
    /// service, while the rest of the engine runs.
    /// </summary>
    private static IServiceCollection AddPatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IRunStarterLookup, AuditedRunStarter>();
        services.AddPatchingActivities();
        services.AddOptions<ComplianceHistoryOptions>().BindConfiguration(ComplianceHistoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AllowedValuesOptions>().BindConfiguration(AllowedValuesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddServiceDesks(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["Aws:Region"]))
        {
            services.AddAwsFleet(configuration);
        }

        return services;
    }

    /// <summary>The web console at <c>/</c>: its sign-in uses the server's local logins, its desk links the connectors' desks.</summary>
    private static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration, bool sandbox)
    {
        services.AddSingleton<IConsoleSignIn, ConsoleSignIn>();
        ConsoleOidcSetup.AddConsoleIdentityProvider(services, configuration);
        services.AddSingleton<IConsoleSettings, ConsoleSettings>();
        services.AddSingleton<IApiKeyAdministration, ApiKeyAdministration>();
        services.AddWebConsole(console =>
        {
            console.Sandbox = sandbox;
            foreach (var (desk, section) in new[] { ("servicenow", "ServiceDesk:ServiceNow"), ("jira", "ServiceDesk:Jira") })
            {
                if (Uri.TryCreate(configuration[section + ":BaseUrl"], UriKind.Absolute, out var url))
                {
                    console.DeskUrls[desk] = url;
                }
            }
        });
        return services;
    }

    /// <summary>
    /// The server's own manifest of the console's scripts and styles, named after this assembly rather than the
    /// application (a test host or a benchmark hosting the server has another name).
    /// </summary>
    private static string? StaticAssetsManifest()
    {
        var path = Path.Combine(AppContext.BaseDirectory, typeof(ServerBuilderExtensions).Assembly.GetName().Name + ".staticwebassets.endpoints.json");
        return File.Exists(path) ? path : null;
    }

    public static WebApplication UseChangeOrchestrator(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseChangeOrchestratorAudit();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseChangeOrchestratorAuth();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Roles.Viewer);
        app.MapMetrics();
        app.MapDefinitionsApi();
        app.MapDefinitionDraftsApi();
        app.MapInstancesApi();
        app.MapEventsApi();
        app.MapCatalogueApi();
        app.MapPolicyApi();
        app.MapComplianceApi();
        app.MapSecurityApi();
        app.MapWebhooks();
        app.MapWebConsole(StaticAssetsManifest());

        if (app.Configuration.GetValue(SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled), true))
        {
            // The simulated services check their own credentials, as the real ones do.
            app.MapGroup(string.Empty).AllowAnonymous().MapSimulators();
        }

        return app;
    }
}
