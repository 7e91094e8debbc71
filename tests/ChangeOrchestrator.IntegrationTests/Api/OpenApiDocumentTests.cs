using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document names what each response holds: the endpoints return typed results, so a client generated
/// from the document knows the instance, the page and the problem it gets back.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
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
    public async Task Document_ApiOperations_DeclareTheSchemaOfEachResponse()
    {
        var document = await _server.GetJsonAsync("/openapi/v1.json");

        Assert.Equal("InstanceResponse", Schema(document, "/api/instances/{id}", "get", "200", "application/json"));
        Assert.Equal("ProblemDetails", Schema(document, "/api/instances/{id}", "get", "404", "application/problem+json"));
        Assert.Equal("InstanceResponse", Schema(document, "/api/instances", "post", "201", "application/json"));
        Assert.Equal("HttpValidationProblemDetails", Schema(document, "/api/instances", "post", "400", "application/problem+json"));
        Assert.Equal("InstanceList", Schema(document, "/api/instances", "get", "200", "application/json"));
        Assert.Equal("DefinitionDetail", Schema(document, "/api/definitions/{id}", "get", "200", "application/json"));
        Assert.Equal("RaiseEventResult", Schema(document, "/api/events/{kind}/{key}", "post", "202", "application/json"));
        Assert.Equal("AuditPage", Schema(document, "/api/audit", "get", "200", "application/json"));
        Assert.Equal("CallerIdentity", Schema(document, "/auth/me", "get", "200", "application/json"));
        Assert.Equal("PolicyPlanReport", Schema(document, "/api/policy/plan", "post", "200", "application/json"));
        Assert.Equal("PolicyValidation", Schema(document, "/api/policy/plan", "post", "422", "application/json"));
        var undeclared = document["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/", StringComparison.Ordinal) || path.Key.StartsWith("/auth/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key.ToUpperInvariant()} {path.Key}", Responses: operation.Value!["responses"]?.AsObject())))
            .Where(operation => operation.Responses is null || !operation.Responses.Any(r => r.Key.StartsWith('2')))
            .Select(operation => operation.Name)
            .ToList();
        Assert.Empty(undeclared);
    }

    /// <summary>The component name of the schema a response declares for a media type.</summary>
    private static string Schema(JsonNode document, string path, string method, string status, string mediaType)
    {
        var response = document["paths"]?[path]?[method]?["responses"]?[status];
        Assert.True(response is not null, $"{method.ToUpperInvariant()} {path} declares no {status} response");
        var reference = response["content"]?[mediaType]?["schema"]?["$ref"]?.GetValue<string>();
        Assert.True(reference is not null, $"{method.ToUpperInvariant()} {path} {status} declares no {mediaType} schema: {response.ToJsonString()}");
        var name = reference[(reference.LastIndexOf('/') + 1)..];
        Assert.NotNull(document["components"]?["schemas"]?[name]);
        return name;
    }
}
