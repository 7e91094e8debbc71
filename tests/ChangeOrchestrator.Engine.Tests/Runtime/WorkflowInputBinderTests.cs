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
          { "name": "fleetGroup", "type": "string", "enumFrom": "fleetGroups" },
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
    private readonly CheckedGroups _fleetGroups = new();
    private readonly EngineHarness _engine;

    public WorkflowInputBinderTests()
    {
        _engine = new EngineHarness(services =>
        {
            services.AddSingleton(_desks);
            services.AddAllowedValueSource<FixedValues>("desks", "the configured service desks");
            services.AddSingleton(new GroupValues(_groups));
            services.AddAllowedValueSource<GroupValues>("groups", "the patch groups of the fleet");
            services.AddSingleton(_fleetGroups);
            services.AddAllowedValueSource<CheckedGroups>("fleetGroups", "the groups of the fleet");
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

    [Fact]
    public async Task Start_SourceThatChecksOneValue_IsAskedForThatValueAndNeverListsItsValues()
    {
        await PublishAsync();

        var instance = await _engine.StartAsync("contract", Valid(new JsonObject { ["fleetGroup"] = "Prod" }));

        Assert.Equal("Prod", instance.Input["fleetGroup"]!.GetValue<string>());
        Assert.Equal(["Prod"], _fleetGroups.Asked);
        Assert.Equal(0, _fleetGroups.Lists);
    }

    [Fact]
    public async Task Start_ValueTheCheckingSourceRefusesWithNoListAtHand_SaysWhyNamingTheField()
    {
        await PublishAsync();

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => _engine.StartAsync("contract", Valid(new JsonObject { ["fleetGroup"] = "Prdo" })));

        var refused = Assert.Single(error.Errors);
        Assert.Equal("fleetGroup", refused.Field);
        Assert.Equal("one of the groups of the fleet (no server carries 'Prdo')", refused.Expected);
        Assert.Equal("\"Prdo\"", refused.Given);
        Assert.Equal(0, _fleetGroups.Lists);
    }

    [Fact]
    public async Task Start_ValueTheCheckingSourceRefusesWithItsListAtHand_ListsTheValues()
    {
        await PublishAsync();
        _fleetGroups.Known = new AllowedValueSet { Values = [new("Dev"), new("Prod")] };

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => _engine.StartAsync("contract", Valid(new JsonObject { ["fleetGroup"] = "Prdo" })));

        Assert.Equal("one of the groups of the fleet: Dev, Prod", Assert.Single(error.Errors).Expected);
    }

    [Fact]
    public async Task Start_CheckingSourceFindsAGroupWithNoMembers_IsRefusedAsEmpty()
    {
        await PublishAsync();

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => _engine.StartAsync("contract", Valid(new JsonObject { ["fleetGroup"] = "Planned" })));

        Assert.Contains("that has members ('Planned' has none: declared only)", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CheckingSourceCannotBeRead_StartsWithoutThatCheck()
    {
        await PublishAsync();
        _fleetGroups.Fails = true;

        var instance = await _engine.StartAsync("contract", Valid(new JsonObject { ["fleetGroup"] = "Anything" }));

        Assert.Equal("Anything", instance.Input["fleetGroup"]!.GetValue<string>());
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

    /// <summary>A source that checks one value at a time, as a fleet's patch groups do; it counts what it was asked.</summary>
    private sealed class CheckedGroups : IAllowedValueFinder
    {
        public List<string> Asked { get; } = [];

        public int Lists { get; private set; }

        public AllowedValueSet? Known { get; set; }

        public bool Fails { get; set; }

        public Task<AllowedValueSet> GetAsync(CancellationToken cancellationToken)
        {
            Lists++;
            return Task.FromResult(new AllowedValueSet { Values = [new("Prod")] });
        }

        public Task<AllowedValueMatch> FindAsync(string value, CancellationToken cancellationToken)
        {
            Asked.Add(value);
            return Fails ? throw new InvalidOperationException("the fleet is unreachable") : Task.FromResult(value switch
            {
                "Prod" => new AllowedValueMatch { Value = new AllowedValue("Prod", "13 servers") },
                "Planned" => new AllowedValueMatch { Value = new AllowedValue("Planned", "declared only", IsEmpty: true) },
                _ => new AllowedValueMatch { Known = Known, Reason = $"no server carries '{value}'" },
            });
        }
    }
}
