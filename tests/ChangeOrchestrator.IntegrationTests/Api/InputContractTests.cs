using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Api;

/// <summary>
/// Starts that break a workflow's input contract, through the API: a 400 whose <c>errors</c> name the field with what
/// was expected and given, no instance stored, and not one call to ServiceNow, Jira, SSM or EC2.
/// </summary>
public sealed class InputContractTests(InputContractServer fixture) : IClassFixture<InputContractServer>
{
    /// <summary>One row per constraint kind, format, host source and rule of the shipped workflows.</summary>
    public static TheoryData<string, string, string, string> Constraints() => new()
    {
        { "enum", "patch-change", """{ "reboot": "always" }""", "input.reboot" },
        { "minimum", "patch-change", """{ "canaryPercent": -1 }""", "input.canaryPercent" },
        { "maximum", "patch-change", """{ "canaryPercent": 101 }""", "input.canaryPercent" },
        { "minimum of a duration", "patch-change", """{ "pollInterval": "PT0.5S" }""", "input.pollInterval" },
        { "maximum of a duration", "patch-change", """{ "approvalTimeout": "P45D" }""", "input.approvalTimeout" },
        { "minimum of a duration, zero", "patch-change", """{ "approvalTimeout": "PT0S" }""", "input.approvalTimeout" },
        { "pattern of an item", "patch-change", """{ "instanceIds": ["web-01"] }""", "input.instanceIds[0]" },
        { "pattern", "approval-demo", """{ "changeKey": "CHG0030001" }""", "input.changeKey" },
        { "minLength", "patch-change", """{ "environment": "" }""", "input.environment" },
        { "maxLength", "patch-change", $$"""{ "owner": "{{new string('x', 101)}}" }""", "input.owner" },
        { "minItems", "rolling-waves", """{ "targets": [] }""", "input.targets" },
        { "maxItems", "patch-change", """{ "calendarNames": ["a","b","c","d","e","f","g","h","i","j","k"] }""", "input.calendarNames" },
        { "format percentOrCount", "patch-change", """{ "maxConcurrency": "0" }""", "input.maxConcurrency" },
        { "format percentOrCountFromZero", "patch-change", """{ "failureThreshold": "101%" }""", "input.failureThreshold" },
        { "format uri", "scheduled-scan", """{ "notifyUrl": "hooks.example.com/abc" }""", "input.notifyUrl" },
        { "format timeZone", "patch-change", """{ "timeZone": "Mars/Olympus" }""", "input.timeZone" },
        { "format cron", "patch-change", """{ "schedule": "every saturday" }""", "input.schedule" },
        { "field of an object item", "patch-change", """{ "healthChecks": [ { "url": "ftp://app/health" } ] }""", "input.healthChecks[0].url" },
        { "required field", "patch-change", """{ "freezes": [ { "start": "2026-12-24T00:00:00Z" } ] }""", "input.freezes[0].end" },
        { "values of a map", "patch-change", """{ "excludeTags": { "PatchExempt": "yes" } }""", "input.excludeTags.PatchExempt" },
        { "field of a map value", "patch-change", """{ "policy": { "Prod": { "risk": "extreme" } } }""", "input.policy.Prod.risk" },
        { "type", "patch-change", """{ "soak": "ten minutes" }""", "input.soak" },
        { "unknown input", "patch-change", """{ "colour": "red" }""", "input.colour" },
        { "enumFrom serviceDesks", "patch-change", """{ "desk": "freshservice" }""", "input.desk" },
        { "enumFrom patchGroups", "patch-change", """{ "patchGroup": "NoSuchGroup" }""", "input.patchGroup" },
        { "enumFrom patchGroups, a group with no server", "patch-change", $$"""{ "patchGroup": "{{InputContractServer.EmptyGroup}}" }""", "input.patchGroup" },
        { "enumFrom patchGroups in an array", "scheduled-scan", """{ "patchGroups": ["Prod", "Prdo"] }""", "input.patchGroups[1]" },
        { "enumFrom changeCalendars", "patch-change", """{ "calendarNames": ["NoSuchCalendar"] }""", "input.calendarNames[0]" },
        { "rule: window ordered", "patch-change", Window(startHours: 4, endHours: 0), "input.windowEnd" },
        { "rule: window long enough", "patch-change", Window(startHours: 1, endHours: 1.1), "input.windowEnd" },
        { "rule: window not over", "patch-change", Window(startHours: -3, endHours: -1), "input.windowEnd" },
        { "rule: reschedule needs a schedule", "patch-change", """{ "onWindowMissed": "reschedule" }""", "input.schedule" },
    };

    /// <summary>The mistakes a new user made in the sandbox, each of which used to reach the fleet or the desk.</summary>
    public static TheoryData<string, string, string> ReportedMistakes() => new()
    {
        { """{ "maxConcurrency": "150%" }""", "input.maxConcurrency", "expected a share from 1% to 100% or a positive count (e.g. \"10%\" or \"5\"), given \"150%\"" },
        { """{ "canaryPercent": -5 }""", "input.canaryPercent", "expected from 0 to 100, given -5" },
        { Window(startHours: 4, endHours: 0), "input.windowEnd", "windowEnd must be after windowStart; given windowEnd=" },
        { """{ "desk": "freshservice" }""", "input.desk", "expected one of the configured service desks: jira, servicenow, given \"freshservice\"" },
        { """{ "patchGroup": "NoSuchGroup" }""", "input.patchGroup", "expected one of the patch groups of the fleet: " },
    };

    [Theory]
    [MemberData(nameof(Constraints))]
    public async Task Start_InputBreakingAConstraint_Is400NamingTheFieldAndTouchesNothing(string kind, string definitionId, string overrides, string field)
    {
        var body = await AssertRefusedAsync(definitionId, overrides);

        var errors = body["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{kind}: expected an error at {field}, got {errors.ToJsonString()}");
        var root = Root(field);
        Assert.All(errors, e => Assert.True(Root(e.Key) == root, $"{kind}: the rest of the input is valid, yet {e.Key} was refused"));
        var violation = body["violations"]!.AsArray().First(v => v!["field"]!.GetValue<string>() == field)!;
        Assert.False(string.IsNullOrEmpty(violation["expected"]?.GetValue<string>()), kind);
        Assert.False(string.IsNullOrEmpty(violation["given"]?.GetValue<string>()), kind);
    }

    [Theory]
    [MemberData(nameof(ReportedMistakes))]
    public async Task Start_ReportedMistake_Is400SayingExpectedAndGiven(string overrides, string field, string message)
    {
        var body = await AssertRefusedAsync("patch-change", overrides);

        var messages = body["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AllReportedMistakesAtOnce_ReportsEveryOneInOneAnswer()
    {
        var overrides = new JsonObject { ["maxConcurrency"] = "150%", ["canaryPercent"] = -5, ["desk"] = "freshservice", ["patchGroup"] = "NoSuchGroup" };
        foreach (var (name, value) in JsonNode.Parse(Window(startHours: 4, endHours: 0))!.AsObject())
        {
            overrides[name] = value?.DeepClone();
        }

        var body = await AssertRefusedAsync("patch-change", overrides.ToJsonString());

        Assert.Equal(
            ["input.canaryPercent", "input.desk", "input.maxConcurrency", "input.patchGroup", "input.windowEnd"],
            body["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetDefinition_ExposesTheContractWithTheHostsAllowedValues()
    {
        var definition = await fixture.Client.GetFromJsonAsync<JsonObject>("/api/definitions/patch-change");

        var contract = definition!["contract"]!;
        var canary = contract["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "canaryPercent")!;
        Assert.Equal((0, 100), (canary["minimum"]!.GetValue<int>(), canary["maximum"]!.GetValue<int>()));
        Assert.Equal("patchGroups", contract["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "patchGroup")!["enumFrom"]!.GetValue<string>());
        Assert.Contains(contract["rules"]!.AsArray(), r => r!["message"]!.GetValue<string>() == "windowEnd must be after windowStart");
        var desks = contract["allowedValues"]!["serviceDesks"]!.AsArray().Select(v => v!["value"]!.GetValue<string>());
        Assert.Equal(["jira", "servicenow"], desks.Order(StringComparer.Ordinal));
        var groups = contract["allowedValues"]!["patchGroups"]!.AsArray();
        Assert.Contains(groups, g => g!["value"]!.GetValue<string>() == "Prod" && g["label"]!.GetValue<string>().EndsWith(" servers", StringComparison.Ordinal));
        Assert.Contains(groups, g => g!["value"]!.GetValue<string>() == InputContractServer.EmptyGroup && g["empty"]!.GetValue<bool>());
        Assert.Equal(["ChangeFreeze"], contract["allowedValues"]!["changeCalendars"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GetActivities_CatalogueInputsCarryTheSameVocabulary()
    {
        var catalogue = JsonNode.Parse(await fixture.Client.GetStringAsync("/api/activities"))!.AsArray();

        var patch = catalogue.Single(a => a!["type"]!.GetValue<string>() == "PatchInstances")!["inputs"]!.AsArray();
        Assert.Equal("percentOrCount", patch.Single(i => i!["name"]!.GetValue<string>() == "maxConcurrency")!["format"]!.GetValue<string>());
        var raise = catalogue.Single(a => a!["type"]!.GetValue<string>() == "RaiseChangeRequest")!["inputs"]!.AsArray();
        Assert.Equal("serviceDesks", raise.Single(i => i!["name"]!.GetValue<string>() == "desk")!["enumFrom"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_RealGroupWithNoEligibleServer_CompletesSayingNoTargets()
    {
        var input = InputContractServer.ValidInput("patch-change");
        input["environment"] = "Dev";

        var (status, body) = await fixture.StartAsync("patch-change", input);
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        var instance = await fixture.Server.WaitForEndAsync(body!["id"]!.GetValue<string>());

        Assert.Equal("Completed", instance["status"]!.GetValue<string>());
        var result = instance["outputs"]!["nothingToPatch"]!;
        Assert.Equal("no-targets", result["result"]!.GetValue<string>());
        Assert.Equal("No server of patch group Prod in Dev is left to patch once servers tagged PatchExempt are left out", result["reason"]!.GetValue<string>());
    }

    /// <summary>Posts a start with one part of a valid input changed; asserts the refusal and that nothing was stored or called.</summary>
    private async Task<JsonNode> AssertRefusedAsync(string definitionId, string overrides)
    {
        var input = InputContractServer.ValidInput(definitionId);
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            input[name] = value?.DeepClone();
        }

        var before = await fixture.EffectsAsync();
        var (status, body) = await fixture.StartAsync(definitionId, input);
        var after = await fixture.EffectsAsync();

        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {body?.ToJsonString()}");
        Assert.Equal("Invalid workflow input", body!["title"]!.GetValue<string>());
        Assert.Equal(before, after);
        return body;
    }

    private static string Root(string key)
    {
        var end = key.IndexOfAny(['.', '['], "input.".Length);
        return end < 0 ? key : key[..end];
    }

    private static string Window(double startHours, double endHours)
    {
        var now = TimeProvider.System.GetUtcNow();
        return new JsonObject
        {
            ["windowStart"] = now.AddHours(startHours).ToString("O", CultureInfo.InvariantCulture),
            ["windowEnd"] = now.AddHours(endHours).ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString();
    }
}
