using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class InventoryTests
{
    [Fact]
    public async Task GetInventory_PlatformFilter_ReturnsInstanceInformationOfMatchingNodes()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        var windows = (await host.NodesAsync("?managed=true&platform=Windows")).Select(n => n.InstanceId).ToHashSet();
        var ssm = host.Ssm();

        var entities = new List<InventoryResultEntity>();
        await foreach (var entity in ssm.Paginators.GetInventory(new GetInventoryRequest
        {
            Filters = [new InventoryFilter { Key = "AWS:InstanceInformation.PlatformType", Values = ["Windows"], Type = InventoryQueryOperatorType.Equal }],
            ResultAttributes = [new ResultAttribute { TypeName = "AWS:InstanceInformation" }],
        }).Entities)
        {
            entities.Add(entity);
        }

        Assert.True(windows.SetEquals(entities.Select(e => e.Id)));
        Assert.All(entities, e => Assert.Equal("Windows", e.Data["AWS:InstanceInformation"].Content[0]["PlatformType"]));
    }

    [Fact]
    public async Task ListResourceComplianceSummaries_PatchType_ReportsCompliantAndNonCompliantNodes()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        var ssm = host.Ssm();

        var items = new List<ResourceComplianceSummaryItem>();
        await foreach (var item in ssm.Paginators.ListResourceComplianceSummaries(new ListResourceComplianceSummariesRequest
        {
            Filters = [new ComplianceStringFilter { Key = "ComplianceType", Values = ["Patch"], Type = ComplianceQueryOperatorType.EQUAL }],
        }).ResourceComplianceSummaryItems)
        {
            items.Add(item);
        }

        Assert.Contains(items, i => i.Status == ComplianceStatus.NON_COMPLIANT && i.NonCompliantSummary.NonCompliantCount > 0);
        Assert.All(items, i => Assert.Equal("Patch", i.ComplianceType));
    }

    [Fact]
    public async Task CreateResourceDataSync_SameNameTwice_ThrowsAlreadyExists()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var request = new CreateResourceDataSyncRequest
        {
            SyncName = "compliance-export",
            S3Destination = new ResourceDataSyncS3Destination { BucketName = "acme-ssm-sync", Region = "us-east-1", SyncFormat = ResourceDataSyncS3Format.JsonSerDe },
        };

        await ssm.CreateResourceDataSyncAsync(request);

        await Assert.ThrowsAsync<ResourceDataSyncAlreadyExistsException>(() => ssm.CreateResourceDataSyncAsync(request));
    }
}
