namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>Configuration section <c>Simulators:ServiceNow:Cmdb</c>: where the instance's CMDB gets its servers.</summary>
internal sealed class ServiceNowCmdbOptions
{
    /// <summary>
    /// Fills cmdb_ci_server with the simulated AWS fleet when both simulators run in one host, as the Service Graph
    /// Connector for AWS fills a real instance's CMDB. Off by default so that a bare instance starts empty; the
    /// server's sandbox turns it on.
    /// </summary>
    public bool ImportAwsFleet { get; set; }
}
