using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Engine.Tests.Runtime;

public sealed class WorkflowInputBinderTests : IDisposable
{
    private const string Contract = """
        "inputs": [
          { "name": "desk", "type": "string", "default": "servicenow", "enumFrom": "desks" },
          { "name": "group", "type": "string", "required": true, "enumFrom": "groups" },
          { "name": "spare", "type": "string", "enumFrom": "groups", "allowEmpty": true },
          { "name": "canaryPercent", "type": "integer", "default": 10, "minimum": 1, "maximum": 100 },
          { "name": "maxConcurrency", "type": "string", "default": "10%", "format": "percentOrCount" },
          { "name": "pollInterval", "type": "duration", "default": "PT1M", "minimum": "PT1S", "maximum": "PT1H" },
          { "name": "windowStart", "type": "dateTime", "required": true },
          { "name": "windowEnd", "type": "dateTime", "required": true },
          { "name": "probe", "type": "object", "fields": [
              { "name": "url", "type": "string", "required": true, "pattern": "^https?://" },
              { "name": "expectedStatus", "type": "integer", "default": 200, "minimum": 100, "maximum": 599 } ] }
        ],
        "rules": [
          { "js": "input.windowEnd > input.windowStart", "message": "windowEnd must be after windowStart", "fields": ["windowEnd"] },
          { "js": "Date.parse(input.windowEnd) > now.getTime()", "message": "windowEnd must be in the future", "fields": ["windowEnd"] }
        ],
        """;

    private readonly FixedValues _desks = new() { Set = new AllowedValueSet { Values = [new("servicenow"), new("jira")], IgnoreCase = true } };
    private readonly FixedValues _groups = new() { Set = new AllowedValueSet { Values = [new("Prod", "13 servers"), new("Empty", "declared only", IsEmpty: true)] } };
    private readonly EngineHarness _engine;

    public WorkflowInputBinderTests()
    {
        _engine = new EngineHarness(services =>
        {
            services.AddSingleton(_desks);
            services.AddAllowedValueSource<FixedValues>("desks", "the configured service desks");
            services.AddSingleton(new GroupValues(_groups));
            services.AddAllowedValueSource<GroupValues>("groups", "the patch groups of the fleet");
        });
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Start_ValidInput_FillsDefaultsIncludingNestedFields()
    {
        await PublishAsync();

        var instance = await _engine.StartAsync("contract", Valid(new JsonObject { ["desk"] = "JIRA", ["probe"] = new JsonObject { ["url"] = "https://app/health" } }));

        Assert.Equal(10, instance.Input["canaryPercent"]!.GetValue<int>());
        Assert.Equal(200, instance.Input["probe"]!["expectedStatus"]!.GetValue<int>());
    }

    [Fact]
    public async Task Start_SeveralMistakes_ReportsEveryOneWithExpectedAndGivenAndStoresNothing()
    {
        await PublishAsync();
        var input = Valid(new JsonObject
        {
            ["desk"] = "freshservice",
            ["group"] = "NoSuchGroup",
            ["canaryPercent"] = -5,
            ["maxConcurrency"] = "150%",
            ["pollInterval"] = "PT0.1S",
            ["probe"] = new JsonObject { ["url"] = "ftp://x", ["expectedStatus"] = 700 },
        });

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => _engine.StartAsync("contract", input, instanceId: "never"));

        Assert.Equal(
            ["desk", "group", "canaryPercent", "maxConcurrency", "pollInterval", "probe.url", "probe.expectedStatus"],
            error.Errors.Select(e => e.Field));
        var desk = error.Errors.Single(e => e.Field == "desk");
        Assert.Equal("one of the configured service desks: servicenow, jira", desk.Expected);
        Assert.Equal("\"freshservice\"", desk.Given);
        Assert.Equal("from 1 to 100", error.Errors.Single(e => e.Field == "canaryPercent").Expected);
        Assert.Null(await _engine.Store.FindAsync("never", CancellationToken.None));
    }

    [Fact]
    public async Task Start_ValueTheSourceReportsEmpty_IsRefusedUnlessAllowEmpty()
    {
        await PublishAsync();

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => _engine.StartAsync("contract", Valid(new JsonObject { ["group"] = "Empty", ["spare"] = "Empty" })));

        var refused = Assert.Single(error.Errors);
        Assert.Equal("group", refused.Field);
        Assert.Contains("that has members ('Empty' has none: declared only)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RuleBroken_ReportsItsMessageAgainstItsFieldsWithTheValuesGiven()
    {
        await PublishAsync();
        var start = _engine.Time.GetUtcNow().AddHours(4);

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => _engine.StartAsync("contract", Valid(new JsonObject
        {
            ["windowStart"] = start.ToString("O"),
            ["windowEnd"] = start.AddHours(-2).ToString("O"),
        })));

        var rule = Assert.Single(error.Errors);
        Assert.Equal("windowEnd", rule.Field);
        Assert.Equal("windowEnd must be after windowStart", rule.Expected);
        Assert.StartsWith("windowEnd must be after windowStart; given windowEnd=", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DateTimesWithDifferentOffsets_RulesCompareInstants()
    {
        await PublishAsync();
        var start = _engine.Time.GetUtcNow().AddHours(1);

        // The end, three hours after the start, written at UTC-5 reads as text earlier than the start written in UTC.
        var instance = await _engine.StartAsync("contract", Valid(new JsonObject
        {
            ["windowStart"] = start.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["windowEnd"] = start.AddHours(3).ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        }));

        Assert.Equal("contract", instance.DefinitionId);
    }

    [Fact]
    public async Task Start_FieldAlreadyRefused_SkipsTheRulesThatNameIt()
    {
        await PublishAsync();

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => _engine.StartAsync("contract", Valid(new JsonObject { ["windowEnd"] = "tomorrow" })));

        Assert.Equal("windowEnd", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task Start_SourceCannotBeRead_StartsWithoutThatCheck()
    {
        await PublishAsync();
        _groups.Fails = true;

        var instance = await _engine.StartAsync("contract", Valid(new JsonObject { ["group"] = "Anything" }));

        Assert.Equal("Anything", instance.Input["group"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_SeveralValuesNamingOneSource_ReadsItOnce()
    {
        await PublishAsync();

        await _engine.StartAsync("contract", Valid(new JsonObject { ["spare"] = "Prod" }));

        Assert.Equal(1, _groups.Reads);
    }

    private Task PublishAsync() =>
        _engine.PublishAsync(Flows.Json("contract", """{ "id": "log", "type": "Log", "inputs": { "message": "x" } }""", "", Contract));

    private JsonObject Valid(JsonObject overrides)
    {
        var now = _engine.Time.GetUtcNow();
        var input = new JsonObject
        {
            ["group"] = "Prod",
            ["windowStart"] = now.ToString("O"),
            ["windowEnd"] = now.AddHours(4).ToString("O"),
        };
        foreach (var (name, value) in overrides)
        {
            input[name] = value?.DeepClone();
        }

        return input;
    }

    /// <summary>A second source type, as each registered source is resolved by its type.</summary>
    private sealed class GroupValues(FixedValues inner) : IAllowedValueSource
    {
        public Task<AllowedValueSet> GetAsync(CancellationToken cancellationToken) => inner.GetAsync(cancellationToken);
    }
}
