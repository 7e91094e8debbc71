using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class AvailablePatchesTests
{
    [Fact]
    public async Task DescribeAvailablePatches_PatchIdsOfMissingPatches_ReturnsTheirReleaseDates()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 80);
        var ssm = host.Ssm();
        var windows = (await host.NodesAsync("?managed=true&platform=Windows")).Select(n => n.InstanceId).ToList();
        var missing = new List<PatchComplianceData>();
        foreach (var id in windows.Where(id => missing.Count == 0))
        {
            var states = (await ssm.DescribeInstancePatchStatesAsync(new DescribeInstancePatchStatesRequest { InstanceIds = [id] })).InstancePatchStates;
            if (states.Count > 0)
            {
                missing = (await ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
                {
                    InstanceId = id,
                    Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["Missing"] }],
                })).Patches;
            }
        }

        var ids = missing.Select(p => p.KBId).Distinct().Take(20).ToList();
        var available = (await ssm.DescribeAvailablePatchesAsync(new DescribeAvailablePatchesRequest
        {
            Filters = [new PatchOrchestratorFilter { Key = "PATCH_ID", Values = ids }],
            MaxResults = 100,
        })).Patches;

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), available.Select(p => p.KbNumber).Distinct().Order(StringComparer.Ordinal));
        Assert.All(available, p =>
        {
            Assert.NotNull(p.ReleaseDate);
            Assert.True(p.ReleaseDate <= host.Time.GetUtcNow().UtcDateTime, $"{p.KbNumber} released {p.ReleaseDate:O}, after now");
            Assert.Equal("Microsoft", p.Vendor);
            Assert.False(string.IsNullOrEmpty(p.Id));
            Assert.Contains(missing, m => m.KBId == p.KbNumber && m.Title == p.Title);
        });
    }

    [Fact]
    public async Task DescribeAvailablePatches_PublishedPatchWithReleaseDate_ListedWithThatDateAndMissingAfterAScan()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 80);
        var ssm = host.Ssm();
        var node = (await host.NodesAsync("?managed=true&platform=Linux")).First(n => n.PlatformName == "Amazon Linux" && n.PingStatus == "Online");
        var released = new DateTimeOffset(host.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-10);
        await host.PostAsync("patches", new
        {
            operatingSystem = "AmazonLinux2023", kbId = "libexample.x86_64", title = "libexample.x86_64:0:1.2.3-1.amzn2023",
            classification = "Security", severity = "Critical", cveIds = new[] { "CVE-2026-40001" }, releaseDate = released,
        });

        var listed = (await ssm.DescribeAvailablePatchesAsync(new DescribeAvailablePatchesRequest
        {
            Filters =
            [
                new PatchOrchestratorFilter { Key = "PATCH_ID", Values = ["libexample.x86_64"] },
                new PatchOrchestratorFilter { Key = "PRODUCT", Values = ["AmazonLinux2023"] },
            ],
        })).Patches;
        await host.RunCommandToEndAsync(ssm, await host.SendPatchAsync(ssm, "Scan", [node.InstanceId]), TimeSpan.FromMinutes(1));
        var missing = (await ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
        {
            InstanceId = node.InstanceId,
            Filters = [new PatchOrchestratorFilter { Key = "KBId", Values = ["libexample.x86_64"] }],
        })).Patches;

        var patch = Assert.Single(listed);
        Assert.Equal(released.UtcDateTime, patch.ReleaseDate);
        Assert.Equal(("libexample", "x86_64", "Critical"), (patch.Name, patch.Arch, patch.Severity));
        Assert.Equal(["CVE-2026-40001"], patch.CVEIds);
        // The SDK maps the wire value Missing onto its constant MISSING (see the reference on state constants).
        Assert.Equal("Missing", Assert.Single(missing).State?.Value, ignoreCase: true);
    }

    [Fact]
    public async Task DescribeAvailablePatches_UnknownFilterKey_IsValidationException()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => host.Ssm().DescribeAvailablePatchesAsync(new DescribeAvailablePatchesRequest
        {
            Filters = [new PatchOrchestratorFilter { Key = "KB", Values = ["KB5049983"] }],
        }));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("filters.member.key", error.Message, StringComparison.Ordinal);
    }
}
