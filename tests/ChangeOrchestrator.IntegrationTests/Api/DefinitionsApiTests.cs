using System.Net;
using System.Text;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Api;

public sealed class DefinitionsApiTests : IAsyncLifetime
{
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(_workflows.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task List_AfterStartup_ShowsImportedDefinitions()
    {
        var list = (await _server.GetJsonAsync("/api/definitions")).AsArray();

        var imported = Assert.Single(list)!;
        Assert.Equal("wait-approval", imported["id"]!.GetValue<string>());
        Assert.Equal(1, imported["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_UnknownDefinitionOrVersion_Returns404Problem()
    {
        var unknown = await _server.GetJsonAsync("/api/definitions/nope", HttpStatusCode.NotFound);
        var version = await _server.GetJsonAsync("/api/definitions/wait-approval?version=9", HttpStatusCode.NotFound);

        Assert.Contains("'nope'", unknown["detail"]!.GetValue<string>());
        Assert.Contains("no version 9", version["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_ReturnsTheExactPublishedJson()
    {
        var exported = await _server.Client.GetStringAsync("/api/definitions/wait-approval/export");

        Assert.Equal(TestWorkflows.WaitForApproval, exported);
    }

    [Fact]
    public async Task Validate_InvalidDefinition_Returns400WithEveryErrorPath()
    {
        var body = """{ "id": "x", "name": "x", "activities": [ { "id": "a", "type": "Nope" }, { "id": "b", "type": "Delay", "inputs": {} } ] }""";

        var problem = await PostRawAsync("/api/definitions/validate", body, HttpStatusCode.BadRequest);

        var paths = problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Equal(["$.activities[0].type", "$.activities[1].inputs"], paths);
    }

    [Fact]
    public async Task Validate_MalformedJson_Returns400NamingTheLine()
    {
        var problem = await PostRawAsync("/api/definitions/validate", "{ \"id\": \n", HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("$", error["path"]!.GetValue<string>());
        Assert.Contains("not valid JSON (line", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_ChangedDefinition_CreatesNextVersionAndRunningStartsUseIt()
    {
        var changed = TestWorkflows.WaitForApproval.Replace("Wait for approval", "Wait for approval v2", StringComparison.Ordinal);

        var created = await PostRawAsync("/api/definitions", changed, HttpStatusCode.Created);
        var unchanged = await PostRawAsync("/api/definitions", changed, HttpStatusCode.OK);
        var latest = await _server.GetJsonAsync("/api/definitions/wait-approval");

        Assert.Equal(2, created["version"]!.GetValue<int>());
        Assert.Equal(2, unchanged["version"]!.GetValue<int>());
        Assert.Equal("Wait for approval v2", latest["definition"]!["name"]!.GetValue<string>());
        Assert.Equal("Wait for approval", (await _server.GetJsonAsync("/api/definitions/wait-approval?version=1"))["definition"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_InvalidDefinition_IsRefusedAndTheLastGoodVersionStays()
    {
        var broken = TestWorkflows.WaitForApproval.Replace("\"WaitForEvent\"", "\"WaitForEvnt\"", StringComparison.Ordinal);

        var problem = await PostRawAsync("/api/definitions", broken, HttpStatusCode.BadRequest);
        var latest = await _server.GetJsonAsync("/api/definitions/wait-approval");

        Assert.Equal("$.activities[0].type", problem["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(1, latest["summary"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Catalogue_And_Schema_AreServed()
    {
        var catalogue = (await _server.GetJsonAsync("/api/activities")).AsArray();
        var schema = await _server.GetJsonAsync("/api/schema/workflow");

        Assert.Contains(catalogue, a => a!["type"]!.GetValue<string>() == "ForEach");
        Assert.Equal("ChangeOrchestrator workflow", schema["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_LiveAndReady_AreHealthy()
    {
        Assert.Equal("Healthy", await _server.Client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await _server.Client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Draft_SavedReadAndSavedOverStaleRevision_Returns409NamingWhoAndWhenAndIsAudited()
    {
        var missing = await _server.GetJsonAsync("/api/definitions/wait-approval/draft", HttpStatusCode.NotFound);
        var (first, firstTag) = await PutDraftAsync(TestWorkflows.WaitForApproval, null, HttpStatusCode.OK);
        var read = await _server.GetJsonAsync("/api/definitions/wait-approval/draft");
        var edited = TestWorkflows.WaitForApproval.Replace("Wait for approval", "Wait for approval, edited", StringComparison.Ordinal);
        var (second, secondTag) = await PutDraftAsync(edited, firstTag, HttpStatusCode.OK);
        var (stale, _) = await PutDraftAsync(TestWorkflows.WaitForApproval, firstTag, HttpStatusCode.Conflict);
        var (otherId, _) = await PutDraftAsync(TestWorkflows.WaitForApproval.Replace("\"wait-approval\"", "\"other\"", StringComparison.Ordinal), secondTag, HttpStatusCode.BadRequest);
        using var viewer = _server.ClientWithKey(TestKeys.ByRole["Viewer"]);
        using var denied = await viewer.GetAsync("/api/definitions/wait-approval/draft");
        var audit = await _server.GetJsonAsync("/api/audit?action=definition.draft");

        Assert.Contains("no saved draft", missing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((1, "\"1\"", 1), (first["revision"]!.GetValue<int>(), firstTag, first["baseVersion"]!.GetValue<int>()));
        Assert.Equal("Wait for approval", read["definition"]!["name"]!.GetValue<string>());
        Assert.Equal((2, "\"2\""), (second["revision"]!.GetValue<int>(), secondTag));
        var savedBy = second["savedBy"]!.GetValue<string>();
        Assert.Equal((2, savedBy), (stale["revision"]!.GetValue<int>(), stale["savedBy"]!.GetValue<string>()));
        Assert.Contains($"{savedBy} saved revision 2 of 'wait-approval' at ", stale["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("$.id", otherId["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(
            ["200 revision 1", "200 revision 2", "409 stale: revision 1"],
            audit["items"]!.AsArray().Where(e => e!["outcome"]!.GetValue<int>() != 400)
                .Select(e => $"{e!["outcome"]!.GetValue<int>()} {e["detail"]!.GetValue<string>()}").Order(StringComparer.Ordinal));
    }

    private async Task<(System.Text.Json.Nodes.JsonNode Body, string? ETag)> PutDraftAsync(string body, string? ifMatch, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/definitions/wait-approval/draft") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await _server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return (System.Text.Json.Nodes.JsonNode.Parse(text)!, response.Headers.ETag?.ToString());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> PostRawAsync(string path, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _server.Client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return System.Text.Json.Nodes.JsonNode.Parse(text)!;
    }
}
