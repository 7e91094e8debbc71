using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Attachments;
using ChangeOrchestrator.Simulators.ServiceNow.Auth;
using ChangeOrchestrator.Simulators.ServiceNow.ChangeApi;
using ChangeOrchestrator.Simulators.ServiceNow.Changes;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Control;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Journal;
using ChangeOrchestrator.Simulators.ServiceNow.Notifications;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow;

/// <summary>The ServiceNow instance double: its services, and its endpoints mounted under one path.</summary>
internal static class ServiceNowSimulatorExtensions
{
    public static IServiceCollection AddServiceNowSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSimulatorClock(configuration);
        services.AddOptions<ServiceNowSimulatorOptions>()
            .Bind(configuration.GetSection(ServiceNowSimulatorOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<ServiceNowSimulatorOptions>, ServiceNowSimulatorOptionsDefaults>();
        services.AddSingleton<IValidateOptions<ServiceNowSimulatorOptions>, ServiceNowSimulatorOptionsValidator>();

        services.AddSingleton<TableCatalog>();
        services.AddSingleton<ServiceNowStore>();
        services.AddSingleton<FieldResolver>();
        services.AddSingleton<JournalFormatter>();
        services.AddSingleton<DisplayValues>();
        services.AddSingleton<RecordSerializer>();
        services.AddSingleton<QueryEvaluator>();
        services.AddSingleton<FieldWriter>();
        services.AddSingleton<TableReader>();
        services.AddSingleton<TableWriter>();
        services.AddSingleton<PlainRecordWriter>();

        services.AddSingleton<ChangeLifecycle>();
        services.AddSingleton<ChangeRequestService>();
        services.AddSingleton<ApprovalDecisions>();
        services.AddSingleton<AttachmentService>();
        services.AddSingleton<ChangeApiSerializer>();
        services.AddSingleton<ChangeApiService>();

        services.AddSingleton<UserDirectory>();
        services.AddSingleton<OAuthTokenStore>();

        services.AddSingleton<RequestRecorder>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<ServiceNowReset>();

        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton<WebhookFaults>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookQueue>();
        services.AddSingleton<ChangeNotifier>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }

    /// <summary>Mounts the instance at <paramref name="mountPath"/>, which becomes its base URL (e.g. /sim/servicenow).</summary>
    public static IEndpointRouteBuilder MapServiceNowSimulator(this IEndpointRouteBuilder endpoints, string mountPath)
    {
        var services = endpoints.ServiceProvider;
        var recorder = services.GetRequiredService<RequestRecorder>();
        var faults = new FaultInjectionFilter(
            services.GetRequiredService<FaultInjector>(), services.GetRequiredService<RateLimiter>(), services.GetRequiredService<SimulatorClock>(), mountPath);
        var root = endpoints.MapGroup(mountPath);

        var api = root.MapGroup("")
            .AddEndpointFilter(new InstanceUrlFilter(mountPath))
            .AddEndpointFilter(new RequestRecordingFilter(recorder, mountPath))
            .AddEndpointFilter(faults)
            .AddEndpointFilter<AuthenticationFilter>()
            .AddEndpointFilter<RateLimitFilter>()
            .AddEndpointFilter<HeaderRequirementsFilter>();
        TableEndpoints.Map(api);
        AttachmentEndpoints.Map(api);
        ChangeApiEndpoints.Map(api);
        api.Map("/api/{**rest}", (HttpContext context, string? rest) => UnknownResourceEndpoint.Handle(context, rest));

        root.MapGroup("")
            .AddEndpointFilter(new RequestRecordingFilter(recorder, mountPath))
            .AddEndpointFilter(faults)
            .MapPost("/oauth_token.do", OAuthTokenEndpoint.HandleAsync)
            .DisableAntiforgery();

        ApprovalPageEndpoints.Map(root, mountPath);
        ControlEndpoints.Map(root);
        return endpoints;
    }
}
