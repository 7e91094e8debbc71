using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SsmOperatingSystem = Amazon.SimpleSystemsManagement.OperatingSystem;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class PatchBaselineTests
{
    [Fact]
    public async Task CreatePatchBaseline_ThenRegisterForPatchGroup_IsReturnedForThatGroupAndOs()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();

        var created = await ssm.CreatePatchBaselineAsync(WindowsProd());
        await ssm.RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = created.BaselineId, PatchGroup = "Prod" });
        var forProd = await ssm.GetPatchBaselineForPatchGroupAsync(new GetPatchBaselineForPatchGroupRequest { PatchGroup = "Prod", OperatingSystem = SsmOperatingSystem.WINDOWS });
        var forDev = await ssm.GetPatchBaselineForPatchGroupAsync(new GetPatchBaselineForPatchGroupRequest { PatchGroup = "Dev", OperatingSystem = SsmOperatingSystem.WINDOWS });
        var defaultBaseline = await ssm.GetDefaultPatchBaselineAsync(new GetDefaultPatchBaselineRequest { OperatingSystem = SsmOperatingSystem.WINDOWS });
        var baseline = await ssm.GetPatchBaselineAsync(new GetPatchBaselineRequest { BaselineId = created.BaselineId });

        Assert.Matches("^pb-[0-9a-f]{17}$", created.BaselineId);
        Assert.Equal(created.BaselineId, forProd.BaselineId);
        Assert.Equal(defaultBaseline.BaselineId, forDev.BaselineId);
        Assert.StartsWith("arn:aws:ssm:us-east-1:", defaultBaseline.BaselineId, StringComparison.Ordinal);
        Assert.Equal(["Prod"], baseline.PatchGroups);
        Assert.Equal(7, baseline.ApprovalRules.PatchRules[0].ApproveAfterDays);
        Assert.Equal("CRITICAL", baseline.ApprovalRules.PatchRules[0].ComplianceLevel.Value);
    }

    [Fact]
    public async Task RegisterPatchBaselineForPatchGroup_SecondBaselineForSameOs_ThrowsAlreadyExists()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var first = await ssm.CreatePatchBaselineAsync(WindowsProd());
        var second = await ssm.CreatePatchBaselineAsync(WindowsProd("win-prod-2"));
        await ssm.RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = first.BaselineId, PatchGroup = "Prod" });

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            ssm.RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = second.BaselineId, PatchGroup = "Prod" }));
        await Assert.ThrowsAsync<ResourceInUseException>(() => ssm.DeletePatchBaselineAsync(new DeletePatchBaselineRequest { BaselineId = first.BaselineId }));
        await Assert.ThrowsAsync<DoesNotExistException>(() => ssm.GetPatchBaselineAsync(new GetPatchBaselineRequest { BaselineId = "pb-0aaaaaaaaaaaaaaaa" }));
    }

    [Fact]
    public async Task CreatePatchBaseline_RepeatedClientToken_ReturnsSameBaselineOrMismatch()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var request = WindowsProd();
        request.ClientToken = "token-1";

        var first = await ssm.CreatePatchBaselineAsync(request);
        var again = await ssm.CreatePatchBaselineAsync(request);
        var changed = WindowsProd("other-name");
        changed.ClientToken = "token-1";

        Assert.Equal(first.BaselineId, again.BaselineId);
        await Assert.ThrowsAsync<IdempotentParameterMismatchException>(() => ssm.CreatePatchBaselineAsync(changed));
    }

    [Fact]
    public async Task DescribePatchBaselines_OwnerAndOsFilters_ListMatchingBaselinesWithDefaultFlag()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var created = await ssm.CreatePatchBaselineAsync(WindowsProd());

        var own = await ssm.DescribePatchBaselinesAsync(new DescribePatchBaselinesRequest { Filters = [new PatchOrchestratorFilter { Key = "OWNER", Values = ["Self"] }] });
        var aws = await ssm.DescribePatchBaselinesAsync(new DescribePatchBaselinesRequest
        {
            Filters = [new PatchOrchestratorFilter { Key = "OWNER", Values = ["AWS"] }, new PatchOrchestratorFilter { Key = "OPERATING_SYSTEM", Values = ["AMAZON_LINUX_2023"] }],
        });

        Assert.Equal([created.BaselineId], own.BaselineIdentities.Select(b => b.BaselineId));
        Assert.False(own.BaselineIdentities[0].DefaultBaseline);
        var al2023 = Assert.Single(aws.BaselineIdentities);
        Assert.Equal("AWS-AmazonLinux2023DefaultPatchBaseline", al2023.BaselineName);
        Assert.True(al2023.DefaultBaseline);
    }

    [Fact]
    public async Task UpdatePatchBaseline_RejectingMissingPatchesWithBlock_RemovesThemFromTheNextScan()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 120);
        var ssm = host.Ssm();
        var node = await PatchingTests.NodeWithMissingPatchesAsync(host, ssm, "Windows");
        var group = (await host.NodesAsync()).Single(n => n.InstanceId == node).PatchGroup!;
        var missing = (await ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
        {
            InstanceId = node,
            MaxResults = 100,
            Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["Missing"] }],
        })).Patches;
        var baseline = await ssm.CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = "win-all",
            OperatingSystem = SsmOperatingSystem.WINDOWS,
            ApprovalRules = new PatchRuleGroup
            {
                PatchRules = [new PatchRule { PatchFilterGroup = new PatchFilterGroup { PatchFilters = [new PatchFilter { Key = "PRODUCT", Values = ["*"] }] }, ApproveAfterDays = 0 }],
            },
        });
        await ssm.RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = baseline.BaselineId, PatchGroup = group });

        var updated = await ssm.UpdatePatchBaselineAsync(new UpdatePatchBaselineRequest
        {
            BaselineId = baseline.BaselineId,
            RejectedPatches = [.. missing.Select(p => p.KBId)],
            RejectedPatchesAction = PatchAction.BLOCK,
        });
        var scan = await host.SendPatchAsync(ssm, "Scan", [node]);
        await host.RunCommandToEndAsync(ssm, scan, TimeSpan.FromSeconds(30));
        host.Advance(TimeSpan.FromSeconds(10));
        var after = (await ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
        {
            InstanceId = node,
            MaxResults = 100,
            Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["Missing"] }],
        })).Patches;

        Assert.Equal(missing.Count, updated.RejectedPatches.Count);
        Assert.Equal("win-all", updated.Name);
        Assert.DoesNotContain(after, p => missing.Any(m => m.KBId == p.KBId));
        Assert.Equal(baseline.BaselineId, (await PatchingTests.StateAsync(ssm, node)).BaselineId);
    }

    [Fact]
    public async Task CreatePatchBaseline_OsSpecificRules_RefusesDelaysOnUbuntuAndLinuxKeysOnWindows()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        static PatchRuleGroup Rule(string key, string value, int? days) => new()
        {
            PatchRules = [new PatchRule { PatchFilterGroup = new PatchFilterGroup { PatchFilters = [new PatchFilter { Key = key, Values = [value] }] }, ApproveAfterDays = days }],
        };

        var ubuntu = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = "ubuntu-delay", OperatingSystem = SsmOperatingSystem.UBUNTU, ApprovalRules = Rule("PRIORITY", "Required", 7),
        }));
        var windows = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = "win-severity", OperatingSystem = SsmOperatingSystem.WINDOWS, ApprovalRules = Rule("SEVERITY", "Critical", 7),
        }));
        var fine = await ssm.CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = "ubuntu-ok", OperatingSystem = SsmOperatingSystem.UBUNTU, ApprovalRules = Rule("PRIORITY", "Required", null),
        });

        Assert.Equal("ValidationException", ubuntu.ErrorCode);
        Assert.Contains("approvalRules.patchRules.1.member", ubuntu.Message, StringComparison.Ordinal);
        Assert.Equal("ValidationException", windows.ErrorCode);
        Assert.Contains("patchRules.1.member.patchFilterGroup.patchFilters.1.member.key", windows.Message, StringComparison.Ordinal);
        Assert.Matches("^pb-", fine.BaselineId);
    }

    [Fact]
    public async Task UpdatePatchBaseline_InvalidMember_ThrowsAndLeavesTheBaselineUnchanged()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var created = await ssm.CreatePatchBaselineAsync(WindowsProd());

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.UpdatePatchBaselineAsync(new UpdatePatchBaselineRequest
        {
            BaselineId = created.BaselineId,
            Description = "changed",
            RejectedPatchesAction = "DROP",
        }));
        var baseline = await ssm.GetPatchBaselineAsync(new GetPatchBaselineRequest { BaselineId = created.BaselineId });

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Null(baseline.Description);
        Assert.Equal("ALLOW_AS_DEPENDENCY", baseline.RejectedPatchesAction.Value);
    }

    [Fact]
    public async Task AddTagsToResource_PatchBaseline_IsListedAndGoneAfterDelete()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var created = await ssm.CreatePatchBaselineAsync(WindowsProd());
        var resource = new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.PatchBaseline, ResourceId = created.BaselineId };

        await ssm.AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceType = ResourceTypeForTagging.PatchBaseline, ResourceId = created.BaselineId, Tags = [new Tag { Key = "managed-by", Value = "changeorchestrator" }],
        });
        var tags = await ssm.ListTagsForResourceAsync(resource);
        await ssm.DeletePatchBaselineAsync(new DeletePatchBaselineRequest { BaselineId = created.BaselineId });

        Assert.Equal([("managed-by", "changeorchestrator")], tags.TagList.Select(t => (t.Key, t.Value)));
        await Assert.ThrowsAsync<InvalidResourceIdException>(() => ssm.ListTagsForResourceAsync(resource));
    }

    [Fact]
    public async Task DeregisterPatchBaselineForPatchGroup_Registered_IsGoneFromDescribePatchGroups()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var created = await ssm.CreatePatchBaselineAsync(WindowsProd());
        await ssm.RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = created.BaselineId, PatchGroup = "Prod" });

        var before = await ssm.DescribePatchGroupsAsync(new DescribePatchGroupsRequest());
        await ssm.DeregisterPatchBaselineForPatchGroupAsync(new DeregisterPatchBaselineForPatchGroupRequest { BaselineId = created.BaselineId, PatchGroup = "Prod" });
        var after = await ssm.DescribePatchGroupsAsync(new DescribePatchGroupsRequest());

        Assert.Equal([("Prod", created.BaselineId)], before.Mappings.Select(m => (m.PatchGroup, m.BaselineIdentity.BaselineId)));
        Assert.Empty(after.Mappings ?? []);
    }

    [Fact]
    public async Task DescribePatchGroups_NamePrefixAndOperatingSystemFilters_ReturnOnlyMatchingMappings()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var windows = await ssm.CreatePatchBaselineAsync(WindowsProd());
        var linux = await ssm.CreatePatchBaselineAsync(new CreatePatchBaselineRequest { Name = "linux-prod", OperatingSystem = SsmOperatingSystem.AMAZON_LINUX_2023 });
        foreach (var (baseline, group) in new[] { (windows.BaselineId, "Prod"), (linux.BaselineId, "Prod"), (windows.BaselineId, "ProdEast"), (windows.BaselineId, "Dev") })
        {
            await ssm.RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = baseline, PatchGroup = group });
        }

        var prefixed = await ssm.DescribePatchGroupsAsync(new DescribePatchGroupsRequest
        {
            Filters = [new PatchOrchestratorFilter { Key = "NAME_PREFIX", Values = ["Prod"] }],
        });
        var linuxOnly = await ssm.DescribePatchGroupsAsync(new DescribePatchGroupsRequest
        {
            Filters =
            [
                new PatchOrchestratorFilter { Key = "NAME_PREFIX", Values = ["Prod"] },
                new PatchOrchestratorFilter { Key = "OPERATING_SYSTEM", Values = ["AMAZON_LINUX_2023"] },
            ],
        });

        Assert.Equal(["Prod", "Prod", "ProdEast"], prefixed.Mappings.Select(m => m.PatchGroup));
        Assert.Equal([("Prod", linux.BaselineId)], linuxOnly.Mappings.Select(m => (m.PatchGroup, m.BaselineIdentity.BaselineId)));
    }

    [Fact]
    public async Task DescribePatchGroups_FilterKeyItDoesNotSupport_ThrowsValidationException()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => host.Ssm().DescribePatchGroupsAsync(new DescribePatchGroupsRequest
        {
            Filters = [new PatchOrchestratorFilter { Key = "OWNER", Values = ["Self"] }],
        }));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("Member must be one of NAME_PREFIX, OPERATING_SYSTEM", error.Message, StringComparison.Ordinal);
    }

    private static CreatePatchBaselineRequest WindowsProd(string name = "win-prod") => new()
    {
        Name = name,
        OperatingSystem = SsmOperatingSystem.WINDOWS,
        ApprovalRules = new PatchRuleGroup
        {
            PatchRules =
            [
                new PatchRule
                {
                    PatchFilterGroup = new PatchFilterGroup
                    {
                        PatchFilters =
                        [
                            new PatchFilter { Key = PatchFilterKey.MSRC_SEVERITY, Values = ["Critical", "Important"] },
                            new PatchFilter { Key = PatchFilterKey.CLASSIFICATION, Values = ["SecurityUpdates", "CriticalUpdates"] },
                        ],
                    },
                    ApproveAfterDays = 7,
                    ComplianceLevel = PatchComplianceLevel.CRITICAL,
                },
            ],
        },
    };
}
