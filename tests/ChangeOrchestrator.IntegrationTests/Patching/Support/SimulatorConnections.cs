using ChangeOrchestrator.Simulators;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// The connector settings that point the ServiceNow, Jira and AWS connectors at a simulator host, with the
/// simulators' built-in credentials and back-offs short enough for tests.
/// </summary>
public static class SimulatorConnections
{
    public static Dictionary<string, string> Settings(SimulatorHost simulators, AwsSimulator aws) => new()
    {
        ["ServiceDesk:ServiceNow:BaseUrl"] = simulators.Url("sim/servicenow").ToString(),
        ["ServiceDesk:ServiceNow:User"] = "admin",
        ["ServiceDesk:ServiceNow:Password"] = DeskSimulators.ServiceNowPassword,
        ["ServiceDesk:ServiceNow:AssignmentGroup"] = "Server Operations",
        ["ServiceDesk:ServiceNow:Resilience:BaseDelay"] = "00:00:00.005",
        ["ServiceDesk:ServiceNow:Resilience:MaxDelay"] = "00:00:00.020",
        ["ServiceDesk:Jira:BaseUrl"] = simulators.Url("sim/jira").ToString(),
        ["ServiceDesk:Jira:Email"] = DeskSimulators.JiraEmail,
        ["ServiceDesk:Jira:ApiToken"] = DeskSimulators.JiraToken,
        ["ServiceDesk:Jira:ProjectKey"] = "ITOPS",
        ["ServiceDesk:Jira:Resilience:BaseDelay"] = "00:00:00.005",
        ["ServiceDesk:Jira:Resilience:MaxDelay"] = "00:00:00.020",
        ["Aws:Region"] = AwsSimulator.Region,
        ["Aws:ServiceUrl"] = aws.ServiceUrl,
        ["Aws:AccessKeyId"] = "test",
        ["Aws:SecretAccessKey"] = "test",
        ["Aws:MaxRetries"] = "2",
        ["Aws:RetryBaseDelay"] = "00:00:00.050",
    };
}
