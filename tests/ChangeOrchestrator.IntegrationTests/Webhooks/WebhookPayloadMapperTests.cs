using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Jira;
using ChangeOrchestrator.Connectors.Jira.Webhooks;
using ChangeOrchestrator.Connectors.ServiceNow.Webhooks;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using ChangeOrchestrator.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>What each desk's payload means: which stimulus, with which key and payload.</summary>
public sealed class WebhookPayloadMapperTests
{
    private static readonly JiraPayloadMapper Jira = new(Options.Create(new JiraStatusNames()));
    private static readonly ServiceNowPayloadMapper ServiceNow = new();

    [Theory]
    [InlineData("Awaiting implementation", "approval", "{\"decision\":\"approved\",\"by\":\"Alex Approver\"}")]
    [InlineData("Declined", "approval", "{\"decision\":\"rejected\",\"by\":\"Alex Approver\"}")]
    [InlineData("Canceled", "change-cancelled", "{\"state\":\"Canceled\"}")]
    [InlineData("Implementing", "change-state", "{\"state\":\"Implementing\"}")]
    public void Jira_StatusTransition_RaisesTheStimulusOfTheTargetStatus(string to, string kind, string payload)
    {
        var mapping = Read(Jira, Parse(JiraDeliveries.Transition("ITOPS-12", "Awaiting approval", to)));

        var stimulus = Assert.Single(mapping.Stimuli);
        Assert.Equal((kind, "jira:ITOPS-12", payload), (stimulus.Kind, stimulus.Key, stimulus.Payload.ToJsonString()));
        Assert.NotNull(mapping.Timestamp);
    }

    [Fact]
    public void Jira_UpdateWithoutStatusChange_RaisesNothing()
    {
        var payload = Parse(JiraDeliveries.Approved("ITOPS-12"));
        payload["changelog"]!["items"]![0]!["field"] = "summary";
        payload["changelog"]!["items"]![0]!["fieldId"] = "summary";

        Assert.Empty(Read(Jira, payload).Stimuli);
    }

    [Theory]
    [InlineData("-2", "approved", "approval", "{\"decision\":\"approved\"}")]
    [InlineData("Scheduled", "approved", "approval", "{\"decision\":\"approved\"}")]
    [InlineData("-5", "rejected", "approval", "{\"decision\":\"rejected\"}")]
    [InlineData("-1", "approved", "change-state", "{\"state\":\"Implement\",\"value\":\"-1\"}")]
    [InlineData("-4", "requested", "change-state", "{\"state\":\"Assess\",\"value\":\"-4\"}")]
    [InlineData("4", "approved", "change-cancelled", "{\"state\":\"Canceled\"}")]
    public void ServiceNow_ChangeNotification_RaisesApprovalOnlyForADecision(string state, string approval, string kind, string payload)
    {
        var mapping = Read(ServiceNow, Parse(ServiceNowDeliveries.Change("CHG0030001", state, approval)));

        var stimulus = Assert.Single(mapping.Stimuli);
        Assert.Equal((kind, "servicenow:CHG0030001", payload), (stimulus.Kind, stimulus.Key, stimulus.Payload.ToJsonString()));
    }

    [Fact]
    public void ServiceNow_ApproverRecordRejected_RaisesRejectionWithApproverAndComment()
    {
        var payload = new JsonObject
        {
            ["table"] = "sysapproval_approver", ["number"] = "CHG0030009", ["state"] = "rejected",
            ["approver"] = "Abel Tuter", ["comments"] = "No rollback plan",
        };

        var stimulus = Assert.Single(Read(ServiceNow, payload).Stimuli);

        Assert.Equal("{\"decision\":\"rejected\",\"by\":\"Abel Tuter\",\"comment\":\"No rollback plan\"}", stimulus.Payload.ToJsonString());
    }

    [Fact]
    public void ServiceNow_WithoutNumber_RaisesNothing() =>
        Assert.Empty(Read(ServiceNow, new JsonObject { ["state"] = "-2", ["approval"] = "approved" }).Stimuli);

    /// <summary>The desk's reading as the receiver and the worker turn it into stimuli.</summary>
    private static WebhookMapping Read(IWebhookPayloadMapper mapper, JsonObject payload) => WebhookMapping.From(mapper.Map(payload));

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
