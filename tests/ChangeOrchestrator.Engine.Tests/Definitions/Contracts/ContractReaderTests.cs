using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Contracts;

public sealed class ContractReaderTests
{
    [Theory]
    [InlineData("""{ "name": "canaryPercent", "type": "integer", "default": 0, "minimum": 1, "maximum": 100 }""", "$.inputs[0].default", "the default breaks its own declaration: expected from 1 to 100, given 0")]
    [InlineData("""{ "name": "reboot", "type": "string", "default": "always", "enum": ["rebootIfNeeded", "noReboot"] }""", "$.inputs[0].default", "expected one of \"rebootIfNeeded\", \"noReboot\", given \"always\"")]
    [InlineData("""{ "name": "ids", "type": "array", "default": ["web-1"], "items": { "type": "string", "pattern": "^i-" } }""", "$.inputs[0].default[0]", "expected text matching /^i-/")]
    [InlineData("""{ "name": "desk", "type": "string", "minimum": 1 }""", "$.inputs[0].minimum", "applies only to a number, an integer or a duration; this is declared string")]
    [InlineData("""{ "name": "poll", "type": "duration", "minimum": 5 }""", "$.inputs[0].minimum", "must be an ISO 8601 duration such as PT1S")]
    [InlineData("""{ "name": "poll", "type": "duration", "minimum": "PT1H", "maximum": "PT1M" }""", "$.inputs[0].maximum", "\"PT1M\" is less than minimum \"PT1H\"")]
    [InlineData("""{ "name": "x", "type": "string", "pattern": "([a-z" }""", "$.inputs[0].pattern", "not a valid regular expression")]
    [InlineData("""{ "name": "x", "type": "string", "format": "percentage" }""", "$.inputs[0].format", "'percentage' is not one of: percentOrCount, percentOrCountFromZero, uri, timeZone, cron")]
    [InlineData("""{ "name": "x", "type": "string", "enumFrom": "freshserviceDesks" }""", "$.inputs[0].enumFrom", "'freshserviceDesks' is not a source of allowed values (known: desks)")]
    [InlineData("""{ "name": "x", "type": "string", "allowEmpty": true }""", "$.inputs[0].allowEmpty", "only means something with enumFrom")]
    [InlineData("""{ "name": "x", "type": "object", "fields": [ { "name": "a", "type": "integer", "default": "one" } ] }""", "$.inputs[0].fields[0].default", "expected an integer")]
    [InlineData("""{ "name": "x", "type": "array", "minItems": 3, "maxItems": 1 }""", "$.inputs[0].minItems", "3 is more than maxItems 1")]
    [InlineData("""{ "name": "x", "type": "string", "colour": "red" }""", "$.inputs[0].colour", "unknown property")]
    public void Load_BadDeclaration_ReportsItsPathAndReason(string declaration, string path, string reason)
    {
        using var engine = Engine();

        var result = engine.Loader.Load(Flows.Json("contract", Log, "", $"\"inputs\": [ {declaration} ],"), "contract.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "js": "input.end > input.start", "message": "end after start", "fields": ["finish"] }""", "$.rules[0].fields[0]", "'finish' is not a declared input")]
    [InlineData("""{ "js": "input.end >", "message": "end after start" }""", "$.rules[0].js", "JavaScript does not parse")]
    [InlineData("""{ "js": "input.end > input.start" }""", "$.rules[0].message", "required")]
    public void Load_BadRule_ReportsItsPathAndReason(string rule, string path, string reason)
    {
        using var engine = Engine();
        const string inputs = """
            "inputs": [ { "name": "start", "type": "dateTime" }, { "name": "end", "type": "dateTime" } ],
            """;

        var result = engine.Loader.Load(Flows.Json("contract", Log, "", $"{inputs} \"rules\": [ {rule} ],"), "contract.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TriggerInputBreakingTheContract_IsRefusedBeforeAnyOccurrence()
    {
        using var engine = Engine();
        var extra = """
            "inputs": [ { "name": "pollInterval", "type": "duration", "minimum": "PT1S" } ],
            "triggers": [ { "type": "cron", "schedule": "0 2 * * *", "input": { "pollInterval": "PT0.1S", "bogus": 1 } } ],
            """;

        var result = engine.Loader.Load(Flows.Json("contract", Log, "", extra), "contract.json");

        Assert.Equal(
            ["$.triggers[0].input.bogus", "$.triggers[0].input.pollInterval"],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_ActivityLiteralBreakingTheCatalogueConstraint_IsRefused()
    {
        using var engine = Engine();

        var result = engine.Loader.Load(Flows.Json("contract", """{ "id": "done", "type": "Finish", "inputs": { "result": "No Targets", "reason": "x" } }""", ""), "contract.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.activities[0].inputs.result", error.Path);
        Assert.Contains("text matching /^[a-z][a-z0-9-]*$/", error.Message, StringComparison.Ordinal);
    }

    private const string Log = """{ "id": "log", "type": "Log", "inputs": { "message": "x" } }""";

    private static EngineHarness Engine() => new(services => services.AddAllowedValueSource<FixedValues>("desks", "the test desks"));
}
