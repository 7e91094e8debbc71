namespace ChangeOrchestrator.Server.Telemetry;

/// <summary>
/// Configuration section <c>Telemetry</c>: the Prometheus scrape at <c>/metrics</c> (for a Viewer unless opened to
/// anonymous scrapers on purpose) and, when an endpoint is given, OTLP export of traces and metrics.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve <c>/metrics</c> in the Prometheus text format.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>
    /// Let anyone read <c>/metrics</c> (a scraper inside a trusted network); otherwise it takes a caller with the
    /// Viewer role, e.g. an API key in the scrape configuration.
    /// </summary>
    public bool PrometheusAllowAnonymous { get; set; }

    /// <summary>An OTLP collector, e.g. <c>http://otel-collector:4317</c>; no export when empty.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
