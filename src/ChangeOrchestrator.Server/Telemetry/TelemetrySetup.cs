using ChangeOrchestrator.Connectors.Telemetry;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Server.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChangeOrchestrator.Server.Telemetry;

/// <summary>
/// OpenTelemetry: the engine's and the server's meters and traces, and every outgoing HTTP call (the connectors'
/// calls to ServiceNow, Jira, SSM and EC2) as a span and in <c>http.client.request.duration</c>.
/// </summary>
internal static class TelemetrySetup
{
    public static IServiceCollection AddChangeOrchestratorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton(options);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("changeorchestrator"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RuntimeMetrics.Name).AddHttpClientInstrumentation();
                if (options.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RuntimeMetrics.Name, ServerMetrics.Name, ConnectorMetrics.Name, "System.Net.Http").AddHttpClientInstrumentation();
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        _ = telemetry;
        return services;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.PrometheusEnabled)
        {
            return app;
        }

        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (options.PrometheusAllowAnonymous)
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(Roles.Viewer);
        }

        return app;
    }
}
