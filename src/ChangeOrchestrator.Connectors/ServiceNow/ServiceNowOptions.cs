using ChangeOrchestrator.Connectors.Resilience;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>Configuration section <c>ServiceDesk:ServiceNow</c>; the desk is registered when BaseUrl is set.</summary>
internal sealed class ServiceNowOptions
{
    public const string Section = "ServiceDesk:ServiceNow";

    /// <summary>The instance, e.g. https://acme.service-now.com.</summary>
    public string BaseUrl { get; set; } = "";

    public ServiceNowAuthMode AuthMode { get; set; } = ServiceNowAuthMode.Basic;

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Group that implements changes unless a draft names another (name or sys_id).</summary>
    public string AssignmentGroup { get; set; } = "";

    /// <summary>sys_id of the standard-change template version given to standard changes; empty leaves it to the instance.</summary>
    public string StandardChangeTemplate { get; set; } = "";

    public ServiceDeskResilienceOptions Resilience { get; set; } = new();

    /// <summary>The base URL with a trailing slash, so relative resources keep its path (instances behind a proxy path).</summary>
    public Uri InstanceUri => new(BaseUrl.TrimEnd('/') + "/");
}
