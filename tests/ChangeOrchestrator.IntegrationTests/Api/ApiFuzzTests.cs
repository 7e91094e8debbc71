using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Persistence.ApiKeys;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Definitions;
using ChangeOrchestrator.Persistence.Drafts;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence.Stimuli;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Api;

/// <summary>
/// Hundreds of malformed bodies (truncated JSON, broken syntax, wrong types, unknown fields, huge numbers, deep
/// nesting, nulls, wrong content types, oversized bodies) against every endpoint that reads a body: each is refused
/// with a 4xx ProblemDetails that says what is wrong, and nothing is stored.
/// </summary>
public sealed class ApiFuzzTests : IAsyncLifetime
{
    private const int MaxBody = 64 * 1024;
    private const int MaxDefinition = 1024 * 1024;

    /// <summary>Mutating routes that read no body; anything sent is ignored.</summary>
    private static readonly HashSet<string> TakeNoBody = new(StringComparer.Ordinal)
    {
        "POST /api/instances/{id}/cancel",
        "POST /api/instances/{id}/retry",
        "POST /auth/logout",

        // The policy routes read the server's policy folder and query parameters, never a body.
        "POST /api/policy/validate",
        "POST /api/policy/plan",
        "POST /api/policy/apply",
        "POST /api/admin/api-keys/{id}/revoke",
    };

    private static readonly string ValidDefinition = TestWorkflows.FailOnce.Replace("fail-once", "fuzz-target", StringComparison.Ordinal);

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Auth:Local:LoginPermitLimit"] = "100000",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    /// <summary>Each body-reading route and the cases it gets; a new one fails <see cref="EveryRouteThatMutates_HasAFuzzProfileOrTakesNoBody"/>.</summary>
    private static Dictionary<string, (string Url, Func<IEnumerable<FuzzCase>> Cases)> Profiles => new(StringComparer.Ordinal)
    {
        ["POST /api/instances"] = ("/api/instances", StartCases),
        ["POST /api/definitions/validate"] = ("/api/definitions/validate", DefinitionCases),
        ["POST /api/definitions"] = ("/api/definitions", DefinitionCases),
        ["POST /api/events/{kind}/{key}"] = ("/api/events/fuzz/CHG-F", EventCases),
        ["POST /auth/login"] = ("/auth/login", LoginCases),
        ["POST /api/admin/api-keys"] = ("/api/admin/api-keys", ApiKeyCases),
        ["PUT /api/definitions/{id}/draft"] = ("/api/definitions/fuzz-target/draft", DraftCases),
    };

    [Fact]
    public void EveryRouteThatMutates_HasAFuzzProfileOrTakesNoBody()
    {
        var mutating = _server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Where(r => !r.StartsWith("GET ", StringComparison.Ordinal) && !r.StartsWith("HEAD ", StringComparison.Ordinal))
            .Where(r => r.Contains(" /api/", StringComparison.Ordinal) || r.Contains(" /auth/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(mutating);
        Assert.All(mutating, route => Assert.True(Profiles.ContainsKey(route) || TakeNoBody.Contains(route), $"{route} has no fuzz profile"));
    }

    [Fact]
    public async Task MalformedBodies_EveryBodyEndpoint_AreRefusedWithAProblemAndStoreNothing()
    {
        var before = await CountRowsAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (route, (url, cases)) in Profiles)
        {
            foreach (var fuzz in cases())
            {
                sent++;
                using var content = fuzz.Chunked ? (HttpContent)new ChunkedContent(fuzz.Body, fuzz.ContentType) : new ByteArrayContent(fuzz.Body);
                if (!fuzz.Chunked && fuzz.ContentType is not null)
                {
                    content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzz.ContentType);
                }

                using var request = new HttpRequestMessage(new HttpMethod(route[..route.IndexOf(' ', StringComparison.Ordinal)]), url) { Content = content };
                using var response = await _server.Server.Client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (Problem(response, text, fuzz) is { } problem)
                {
                    failures.Add($"{route} [{fuzz.Name}] {problem}: {(text.Length > 300 ? text[..300] : text)}");
                }
            }
        }

        var after = await CountRowsAsync();
        Assert.True(sent >= 200, $"only {sent} malformed bodies were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
        Assert.Equal(before, after);
    }

    /// <summary>Why the answer is not a 4xx ProblemDetails naming the problem; null when it is.</summary>
    private static string? Problem(HttpResponseMessage response, string text, FuzzCase fuzz)
    {
        var status = (int)response.StatusCode;
        if (status is not (400 or 413 or 415))
        {
            return $"status {status}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType}";
        }

        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return "the body is not JSON";
        }

        if (problem?["status"]?.GetValue<int>() != status || string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()))
        {
            return "no status or title";
        }

        var says = !string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()) || problem["errors"] is JsonObject { Count: > 0 } or JsonArray { Count: > 0 };
        if (!says)
        {
            return "neither detail nor errors";
        }

        return fuzz.Names is { } named && !text.Contains(named, StringComparison.Ordinal) ? $"does not name '{named}'" : null;
    }

    private async Task<(int Definitions, int Drafts, int Instances, int Pending, int Seen, int ApiKeys)> CountRowsAsync()
    {
        await using var db = await _server.Server.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return (await db.Set<DefinitionRow>().CountAsync(), await db.Set<DraftRow>().CountAsync(), await db.Set<InstanceRow>().CountAsync(),
            await db.Set<PendingStimulusRow>().CountAsync(), await db.Set<SeenStimulusRow>().CountAsync(), await db.Set<ApiKeyRow>().CountAsync());
    }

    /// <summary>
    /// A draft is work in progress and need not validate, so only what no draft can be is refused: a body that is not
    /// one JSON object, and an id other than the path's.
    /// </summary>
    private static IEnumerable<FuzzCase> DraftCases()
    {
        foreach (var generic in Generic(ValidDefinition, MaxDefinition, emptyIsValid: false))
        {
            yield return generic;
        }

        foreach (var body in new[] { "[]", "1", "\"text\"", "null" })
        {
            yield return Json($"draft {body}", body, "$");
        }

        var definition = JsonNode.Parse(ValidDefinition)!.AsObject();
        foreach (var id in new[] { "1", "null", "[]", "\"\"", "\"another-workflow\"" })
        {
            var wrong = definition.DeepClone().AsObject();
            wrong["id"] = JsonNode.Parse(id);
            yield return Json($"draft id {id}", wrong.ToJsonString(), "$.id");
        }

        var missing = definition.DeepClone().AsObject();
        missing.Remove("id");
        yield return Json("draft without id", missing.ToJsonString(), "$.id");
    }

    private static IEnumerable<FuzzCase> StartCases()
    {
        const string template = """{"definitionId":"wait-approval","input":{"change":"CHG-1","waves":2},"correlationId":"c-1","requestId":"r-1"}""";
        foreach (var generic in Generic(template, MaxBody, emptyIsValid: false))
        {
            yield return generic;
        }

        foreach (var (name, json, named) in new[]
        {
            ("definitionId number", """{"definitionId":1}""", "$.definitionId"),
            ("definitionId bool", """{"definitionId":true}""", "$.definitionId"),
            ("definitionId array", """{"definitionId":[]}""", "$.definitionId"),
            ("definitionId object", """{"definitionId":{}}""", "$.definitionId"),
            ("definitionId null", """{"definitionId":null}""", "definitionId"),
            ("definitionId missing", """{"input":{"change":"C"}}""", "definitionId"),
            ("definitionId blank", """{"definitionId":"  ","input":{"change":"C"}}""", "definitionId"),
            ("version word", """{"definitionId":"wait-approval","version":"one"}""", "$.version"),
            ("version fraction", """{"definitionId":"wait-approval","version":1.5}""", "$.version"),
            ("version huge", """{"definitionId":"wait-approval","version":1e400}""", "$.version"),
            ("version overflow", """{"definitionId":"wait-approval","version":99999999999}""", "$.version"),
            ("version negative overflow", """{"definitionId":"wait-approval","version":-99999999999999999999}""", "$.version"),
            ("version bool", """{"definitionId":"wait-approval","version":true}""", "$.version"),
            ("input string", """{"definitionId":"wait-approval","input":"x"}""", "$.input"),
            ("input number", """{"definitionId":"wait-approval","input":1}""", "$.input"),
            ("input array", """{"definitionId":"wait-approval","input":[]}""", "$.input"),
            ("input null", """{"definitionId":"wait-approval","input":null}""", "input.change"),
            ("input wrong type", """{"definitionId":"wait-approval","input":{"change":5}}""", "input.change"),
            ("input huge number", """{"definitionId":"wait-approval","input":{"change":"C","waves":1e400}}""", "input.waves"),
            ("input huge integer", """{"definitionId":"wait-approval","input":{"change":"C","waves":123456789012345678901234567890}}""", "input.waves"),
            ("input unknown", """{"definitionId":"wait-approval","input":{"change":"C","colour":"red"}}""", "input.colour"),
            ("correlationId number", """{"definitionId":"wait-approval","correlationId":5}""", "$.correlationId"),
            ("correlationId object", """{"definitionId":"wait-approval","correlationId":{}}""", "$.correlationId"),
            ("correlationId too long", $$"""{"definitionId":"wait-approval","input":{"change":"C"},"correlationId":"{{new string('c', 201)}}"}""", "correlationId"),
            ("requestId array", """{"definitionId":"wait-approval","requestId":[]}""", "$.requestId"),
            ("requestId too long", $$"""{"definitionId":"wait-approval","input":{"change":"C"},"requestId":"{{new string('r', 201)}}"}""", "requestId"),
            ("unknown field", """{"definitionId":"wait-approval","input":{"change":"C"},"bogus":1}""", "bogus"),
            ("unknown instanceId", """{"definitionId":"wait-approval","input":{"change":"C"},"instanceId":"mine"}""", "instanceId"),
            ("unknown $type", """{"$type":"x","definitionId":"wait-approval","input":{"change":"C"}}""", "$type"),
            ("root array", "[]", null),
            ("root string", "\"wait-approval\"", null),
            ("root number", "1", null),
            ("root null", "null", null),
            ("nested input too deep", """{"definitionId":"wait-approval","input":{"change":"C","x":""" + Nest(100, '[') + "}}", null),
        })
        {
            yield return Json(name, json, named);
        }
    }

    private static IEnumerable<FuzzCase> DefinitionCases()
    {
        foreach (var generic in Generic(ValidDefinition, MaxDefinition, emptyIsValid: false))
        {
            yield return generic;
        }

        var definition = JsonNode.Parse(ValidDefinition)!.AsObject();
        foreach (var (field, value, named) in new (string, string, string)[]
        {
            ("id", "1", "$.id"), ("id", "null", "$.id"), ("id", "[]", "$.id"), ("id", "\"\"", "$.id"), ("id", "\"has spaces and / slashes\"", "$.id"),
            ("name", "[]", "$.name"), ("name", "null", "$.name"), ("name", "{}", "$.name"),
            ("version", "\"1\"", "$.version"), ("version", "1.5", "$.version"), ("version", "1e400", "$.version"), ("version", "99999999999999999999", "$.version"), ("version", "-1", "$.version"),
            ("activities", "{}", "$.activities"), ("activities", "null", "$.activities"), ("activities", "[1]", "$.activities"), ("activities", "[]", "$.activities"), ("activities", "\"x\"", "$.activities"),
            ("connections", "\"x\"", "$.connections"), ("connections", "[{\"from\":\"nope\",\"outcome\":\"Done\",\"to\":\"gone\"}]", "$.connections"),
            ("inputs", "{}", "$.inputs"), ("inputs", "[{\"name\":1}]", "$.inputs"),
            ("bogus", "1", "bogus"), ("Activities", "[]", "Activities"),
        })
        {
            var copy = definition.DeepClone().AsObject();
            copy[field] = JsonNode.Parse(value);
            yield return Json($"{field} = {value}", copy.ToJsonString(), named);
        }

        yield return Json("activity type unknown", ValidDefinition.Replace("\"Decision\"", "\"NoSuchActivity\"", StringComparison.Ordinal), "$.activities[0].type");
        yield return Json("activity inputs deep", ValidDefinition.Replace("{ \"reason\": \"not ok\" }", "{ \"reason\": " + Nest(70, '[') + " }", StringComparison.Ordinal), null);
        yield return Json("root array", "[]", null);
        yield return Json("root string", "\"x\"", null);
        yield return Json("root number", "1e400", null);
        yield return Json("root null", "null", null);
    }

    private static IEnumerable<FuzzCase> EventCases()
    {
        // Any JSON is a valid event payload, so only what is not JSON (or too big, or too deep) is malformed here.
        foreach (var generic in Generic("""{"decision":"approved","by":"ann","n":12}""", MaxBody, emptyIsValid: true))
        {
            yield return generic;
        }
    }

    private static IEnumerable<FuzzCase> ApiKeyCases()
    {
        foreach (var generic in Generic("""{"name":"fuzz-key","roles":["Viewer"],"expiresAt":"2099-01-01T00:00:00Z"}""", MaxBody, emptyIsValid: false))
        {
            yield return generic;
        }

        foreach (var (name, json, named) in new[]
        {
            ("name number", """{"name":1,"roles":["Viewer"]}""", "$.name"),
            ("name null", """{"name":null,"roles":["Viewer"]}""", "name"),
            ("name missing", """{"roles":["Viewer"]}""", "name"),
            ("name with spaces", """{"name":"a b","roles":["Viewer"]}""", "name"),
            ("name too long", $$"""{"name":"{{new string('n', 101)}}","roles":["Viewer"]}""", "name"),
            ("roles string", """{"name":"k","roles":"Admin"}""", "$.roles"),
            ("roles numbers", """{"name":"k","roles":[1]}""", "$.roles"),
            ("roles empty", """{"name":"k","roles":[]}""", "roles"),
            ("roles unknown", """{"name":"k","roles":["Root"]}""", "roles"),
            ("expiresAt word", """{"name":"k","roles":["Viewer"],"expiresAt":"tomorrow"}""", "$.expiresAt"),
            ("expiresAt past", """{"name":"k","roles":["Viewer"],"expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt"),
            ("unknown field", """{"name":"k","roles":["Viewer"],"sha256":"00"}""", "sha256"),
        })
        {
            yield return Json(name, json, named);
        }
    }

    private static IEnumerable<FuzzCase> LoginCases()
    {
        foreach (var generic in Generic("""{"username":"admin","password":"pw"}""", MaxBody, emptyIsValid: false, formIsValid: true))
        {
            yield return generic;
        }

        foreach (var (name, json, named) in new[]
        {
            ("username number", """{"username":1,"password":"p"}""", "$.username"),
            ("username array", """{"username":[],"password":"p"}""", "$.username"),
            ("username object", """{"username":{},"password":"p"}""", "$.username"),
            ("username null", """{"username":null,"password":"p"}""", "username"),
            ("password number", """{"username":"admin","password":1e400}""", "$.password"),
            ("password bool", """{"username":"admin","password":true}""", "$.password"),
            ("password missing", """{"username":"admin"}""", "password"),
            ("unknown field", """{"username":"admin","password":"p","role":"Admin"}""", "role"),
            ("root array", "[]", null),
            ("root null", "null", "username"),
        })
        {
            yield return Json(name, json, named);
        }

        yield return new FuzzCase("form unknown field", Encoding.UTF8.GetBytes("username=admin&password=p&isAdmin=true"), "application/x-www-form-urlencoded", "isAdmin");
        yield return new FuzzCase("form repeated field", Encoding.UTF8.GetBytes("username=admin&username=root&password=p"), "application/x-www-form-urlencoded", "once");
        yield return new FuzzCase("form without password", Encoding.UTF8.GetBytes("username=admin"), "application/x-www-form-urlencoded", "password");
    }

    /// <summary>What is malformed for any JSON endpoint, derived from a well-formed body of that endpoint.</summary>
    private static IEnumerable<FuzzCase> Generic(string template, int limit, bool emptyIsValid, bool formIsValid = false)
    {
        var random = new Random(template.Length);
        foreach (var cut in Enumerable.Range(0, 12).Select(_ => random.Next(1, template.Length - 1)).Distinct())
        {
            yield return Json($"truncated at {cut}", template[..cut], null);
        }

        foreach (var broken in new[]
        {
            "{", "}", "[", "{\"a\":}", "{'a':1}", "{a:1}", "{\"a\":1,}", "{,}", "nul", "tru", "\"unterminated", "{\"a\":1} trailing",
            "/* comment */ {}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}", "{\"a\" 1}", "{\"a\":1}}",
        })
        {
            yield return Json($"broken {broken}", broken, null);
        }

        yield return new FuzzCase("invalid UTF-8", [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d], "application/json", null);
        yield return new FuzzCase("NUL bytes", [0x00, 0x00, 0x00], "application/json", null);

        foreach (var depth in new[] { 65, 200, 1000, 5000 })
        {
            yield return Json($"nested arrays {depth}", Nest(depth, '['), null);
            yield return Json($"nested objects {depth}", Nest(depth, '{'), null);
        }

        var body = Encoding.UTF8.GetBytes(template);
        foreach (var type in new[] { "text/plain", "application/xml", "application/octet-stream", "multipart/form-data; boundary=x" }.Concat(formIsValid ? [] : ["application/x-www-form-urlencoded"]))
        {
            yield return new FuzzCase($"content type {type}", body, type, null);
        }

        yield return new FuzzCase("no content type", body, null, null);

        var oversized = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('p', limit) + "\"}");
        yield return new FuzzCase("oversized", oversized, "application/json", null);
        yield return new FuzzCase("oversized chunked", oversized, "application/json", null, Chunked: true);
        if (!emptyIsValid)
        {
            yield return new FuzzCase("empty", [], "application/json", null);
        }
    }

    private static string Nest(int depth, char open)
    {
        var close = open == '[' ? ']' : '}';
        var inner = open == '[' ? "1" : "\"a\":1";
        var start = open == '[' ? new string('[', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{";
        return start + inner + new string(close, depth);
    }

    private static FuzzCase Json(string name, string json, string? named) => new(name, Encoding.UTF8.GetBytes(json), "application/json", named);

    private sealed record FuzzCase(string Name, byte[] Body, string? ContentType, string? Names, bool Chunked = false);
}
