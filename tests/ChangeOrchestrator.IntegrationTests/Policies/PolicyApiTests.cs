using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Policies;

/// <summary>The Admin policy API of a sandbox server, whose SSM is the simulator it mounts.</summary>
public sealed class PolicyApiTests
{
    [Fact]
    public async Task PolicyApi_AdminPlansAndApplies_TheNextPlanHasNoChange()
    {
        using var workflows = new WorkflowFolder();
        await using var server = await TestServer.StartAsync(workflows.Path, new Dictionary<string, string?> { ["Policies:Folder"] = PatchChangeServer.RepositoryFile("policies") });

        var loaded = JsonNode.Parse(await server.Client.GetStringAsync("/api/policy"))!;
        var plan = await PostAsync(server.Client, "/api/policy/plan", HttpStatusCode.OK);
        var apply = await PostAsync(server.Client, "/api/policy/apply", HttpStatusCode.OK);
        var again = await PostAsync(server.Client, "/api/policy/plan", HttpStatusCode.OK);
        using var forbidden = await server.ClientWithKey(TestKeys.ByRole["Operator"]).PostAsJsonAsync("/api/policy/apply", new { });

        Assert.True(loaded["loaded"]!.GetValue<bool>());
        Assert.Equal(["Dev", "Test", "Prod"], loaded["patchGroups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()));
        Assert.True(plan["hasChanges"]!.GetValue<bool>());
        Assert.Equal(24, apply["applied"]!.AsArray().Count);
        Assert.False(again["hasChanges"]!.GetValue<bool>());
        Assert.Empty(again["changes"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task PolicyApi_InvalidFolder_AnswersEveryErrorWithFileLineAndField()
    {
        using var workflows = new WorkflowFolder();
        var folder = Directory.CreateTempSubdirectory("policy-api-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "groups.yaml"), "patchGroups:\n  - name: Dev\n    environment: Dev\n    changePolicy: { changeType: sometimes, risk: low, impact: low }\n");
            await using var server = await TestServer.StartAsync(workflows.Path, new Dictionary<string, string?> { ["Policies:Folder"] = folder });

            var result = await PostAsync(server.Client, "/api/policy/validate", HttpStatusCode.UnprocessableEntity);

            var error = Assert.Single(result["errors"]!.AsArray())!;
            Assert.Equal((Path.Combine(folder, "groups.yaml"), 4, "patchGroups[Dev].changePolicy.changeType"),
                (error["file"]!.GetValue<string>(), error["line"]!.GetValue<int>(), error["field"]!.GetValue<string>()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
