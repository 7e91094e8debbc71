using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Policies.Loading;

namespace ChangeOrchestrator.IntegrationTests.Patching.Policies;

public sealed class PatchPolicyLoaderTests
{
    [Fact]
    public async Task LoadDirectoryAsync_ShippedPolicies_AreValidWithBaselinesGroupsWindowsAndSlas()
    {
        var result = await PatchPolicyLoader.LoadDirectoryAsync(PatchChangeServer.RepositoryFile("policies"), CancellationToken.None);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var policy = result.Policy!;
        Assert.Equal(["AMAZON_LINUX_2023", "UBUNTU", "WINDOWS"], policy.Baselines.Select(b => b.OperatingSystem).Distinct().Order());
        Assert.Equal(["Dev", "Test", "Prod"], policy.PatchGroups.Select(g => g.Name));
        Assert.Equal((ChangeType.Standard, false), (policy.Group("Dev")!.ChangePolicy.ChangeType, policy.Group("Dev")!.ChangePolicy.RequiresApproval));
        Assert.Equal((ChangeType.Normal, ChangeRisk.High, true), (policy.Group("Prod")!.ChangePolicy.ChangeType, policy.Group("Prod")!.ChangePolicy.Risk, policy.Group("Prod")!.ChangePolicy.RequiresApproval));
        Assert.Equal("windows2022-prod", policy.Group("Prod")!.Baselines["WINDOWS"]);
        Assert.All(policy.MaintenanceWindows, w => Assert.Matches(@"^cron\(0 [0-9]+ \? \* (SUN|TUE|WED) \*\)$", w.Schedule));
        Assert.Equal(["prod-weekly"], policy.WindowsFor("Prod").Select(w => w.Name));
        Assert.Equal(7, policy.Slas.Single(s => s.Severity == "Critical").Days);
        Assert.Equal(TimeSpan.FromHours(1), policy.Group("Prod")!.ChangePolicy.Soak);
        Assert.All(policy.PatchGroups, g => Assert.Equal("nextWindow", g.ChangePolicy.OnConflict));
    }

    [Fact]
    public void Load_OnConflictOfTheChangePolicy_ReadsItOrNamesFileLineAndFieldOfABadValue()
    {
        var result = PatchPolicyLoader.Load(
        [
            ("groups.yaml", """
                patchGroups:
                  - name: Dev
                    environment: Dev
                    changePolicy: { changeType: standard, risk: low, impact: low, onConflict: raiseWithConflicts }
                  - name: Prod
                    environment: Prod
                    changePolicy:
                      changeType: normal
                      risk: high
                      impact: high
                      onConflict: postpone
                """),
        ]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("groups.yaml", 11, "patchGroups[Prod].changePolicy.onConflict"), (error.File, error.Line, error.Field));
        Assert.Contains("'postpone' is not one of nextWindow, raiseWithConflicts, stop", error.Message, StringComparison.Ordinal);
        var valid = PatchPolicyLoader.Load([("groups.yaml", "patchGroups:\n  - { name: Dev, environment: Dev, changePolicy: { changeType: standard, risk: low, impact: low, onConflict: stop } }\n")]);
        Assert.True(valid.IsValid, string.Join(Environment.NewLine, valid.Errors));
        Assert.Equal("stop", valid.Policy!.Group("Dev")!.ChangePolicy.OnConflict);
    }

    [Fact]
    public async Task LoadDirectoryAsync_InvalidFiles_NameEveryErrorWithFileLineAndField()
    {
        var folder = Directory.CreateTempSubdirectory("policy-errors-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "a-baselines.yaml"), """
                baselines:
                  - name: ubuntu-late
                    operatingSystem: UBUNTU
                    approvalRules:
                      patchRules:
                        - patchFilterGroup:
                            patchFilters:
                              - { key: PRIORITY, values: [Required] }
                          approveAfterDays: 7
                  - name: win
                    operatingSystem: WINDOWS
                    approvalRules:
                      patchRules:
                        - patchFilterGroup:
                            patchFilters:
                              - { key: SEVERITY, values: [Critical] }
                          approveAfterDays: 400
                    rejectedPatchesAction: DROP
                    colour: blue
                """);
            await File.WriteAllTextAsync(Path.Combine(folder, "b-groups.yaml"), """
                patchGroups:
                  - name: Prod
                    environment: Prod
                    baselines: { WINDOWS: windows-missing, UBUNTU: win }
                    changePolicy: { changeType: normal, risk: severe, impact: high, requiresApproval: false, soak: 30m }
                maintenanceWindows:
                  - name: prod-weekly
                    schedule: every sunday
                    timeZone: Mars/Olympus
                    duration: 2
                    cutoff: 2
                    patchGroups: [Prod, Staging]
                exceptions:
                  - server: web01
                    reason: vendor
                    approver: ciso
                    expires: next year
                """);
            await File.WriteAllTextAsync(Path.Combine(folder, "c-broken.yml"), "slas:\n  Critical: 7\n  High: [30\n");

            var result = await PatchPolicyLoader.LoadDirectoryAsync(folder, CancellationToken.None);

            Assert.False(result.IsValid);
            var errors = result.Errors.Select(e => (Path.GetFileName(e.File), e.Line, e.Field)).ToList();
            Assert.Equal(
                [
                    ("a-baselines.yaml", 9, "baselines[ubuntu-late].approvalRules.patchRules[0].approveAfterDays"),
                    ("a-baselines.yaml", 16, "baselines[win].approvalRules.patchRules[0].patchFilterGroup.patchFilters[SEVERITY].key"),
                    ("a-baselines.yaml", 17, "baselines[win].approvalRules.patchRules[0].approveAfterDays"),
                    ("a-baselines.yaml", 18, "baselines[win].rejectedPatchesAction"),
                    ("a-baselines.yaml", 19, "baselines[win].colour"),
                    ("b-groups.yaml", 4, "patchGroups[Prod].baselines.WINDOWS"),
                    ("b-groups.yaml", 4, "patchGroups[Prod].baselines.UBUNTU"),
                    ("b-groups.yaml", 5, "patchGroups[Prod].changePolicy.risk"),
                    ("b-groups.yaml", 5, "patchGroups[Prod].changePolicy.requiresApproval"),
                    ("b-groups.yaml", 5, "patchGroups[Prod].changePolicy.soak"),
                    ("b-groups.yaml", 8, "maintenanceWindows[prod-weekly].schedule"),
                    ("b-groups.yaml", 9, "maintenanceWindows[prod-weekly].timeZone"),
                    ("b-groups.yaml", 11, "maintenanceWindows[prod-weekly].cutoff"),
                    ("b-groups.yaml", 12, "maintenanceWindows[prod-weekly].patchGroups"),
                    ("b-groups.yaml", 14, "exceptions[0].server"),
                    ("b-groups.yaml", 14, "exceptions[0].patch"),
                    ("b-groups.yaml", 17, "exceptions[0].expires"),
                    ("c-broken.yml", 4, ""),
                ],
                errors);
            Assert.Contains(result.Errors, e => e.Message.Contains("SSM takes no approveAfterDays or approveUntilDate", StringComparison.Ordinal));
            Assert.Contains(result.Errors, e => e.Message.Contains("'SEVERITY' is not a patch property of WINDOWS", StringComparison.Ordinal));
            Assert.Contains(result.Errors, e => e.ToString().StartsWith(Path.Combine(folder, "b-groups.yaml") + ":4: patchGroups[Prod].baselines.UBUNTU: baseline 'win' is for WINDOWS", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
