using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Contracts;

public sealed class ValueCheckerTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("250", true)]
    [InlineData("1%", true)]
    [InlineData("50%", true)]
    [InlineData("100%", true)]
    [InlineData("0", false)]
    [InlineData("0%", false)]
    [InlineData("150%", false)]
    [InlineData("-5", false)]
    [InlineData("10 %", false)]
    [InlineData("", false)]
    [InlineData("1234567", false)]
    public void Matches_PercentOrCount_FollowsTheSsmMaxConcurrencySyntax(string text, bool expected) =>
        Assert.Equal(expected, ValueFormats.Matches(ValueFormat.PercentOrCount, text));

    [Theory]
    [InlineData("0", true)]
    [InlineData("0%", true)]
    [InlineData("100%", true)]
    [InlineData("101%", false)]
    [InlineData("-1", false)]
    public void Matches_PercentOrCountFromZero_AcceptsZero(string text, bool expected) =>
        Assert.Equal(expected, ValueFormats.Matches(ValueFormat.PercentOrCountFromZero, text));

    [Theory]
    [InlineData(ValueFormat.Uri, "https://hooks.example.com/x", true)]
    [InlineData(ValueFormat.Uri, "ftp://example.com", false)]
    [InlineData(ValueFormat.Uri, "not a url", false)]
    [InlineData(ValueFormat.TimeZone, "Europe/Berlin", true)]
    [InlineData(ValueFormat.TimeZone, "Mars/Olympus", false)]
    [InlineData(ValueFormat.Cron, "0 22 * * 6", true)]
    [InlineData(ValueFormat.Cron, "30 0 22 * * 6", true)]
    [InlineData(ValueFormat.Cron, "every saturday", false)]
    public void Matches_OtherFormats_AcceptOnlyTheirSyntax(ValueFormat format, string text, bool expected) =>
        Assert.Equal(expected, ValueFormats.Matches(format, text));

    public static TheoryData<DataType, InputConstraints, string, string> Violations() => new()
    {
        { DataType.String, new InputConstraints { Enum = [JsonValue.Create("cancel"), JsonValue.Create("reschedule")] }, "\"wait\"", "one of \"cancel\", \"reschedule\"" },
        { DataType.Integer, new InputConstraints { Minimum = JsonValue.Create(1), Maximum = JsonValue.Create(100) }, "-5", "from 1 to 100" },
        { DataType.Number, new InputConstraints { Maximum = JsonValue.Create(0.5) }, "0.75", "at most 0.5" },
        { DataType.Duration, new InputConstraints { Minimum = JsonValue.Create("PT1S") }, "\"PT0.2S\"", "at least PT1S" },
        { DataType.Duration, new InputConstraints { Maximum = JsonValue.Create("P30D") }, "\"P45D\"", "at most P30D" },
        { DataType.String, new InputConstraints { Pattern = "^[a-z]+:[A-Z0-9-]+$" }, "\"CHG0030012\"", "text matching /^[a-z]+:[A-Z0-9-]+$/" },
        { DataType.String, new InputConstraints { MinLength = 3 }, "\"ab\"", "at least 3 characters" },
        { DataType.String, new InputConstraints { MaxLength = 3 }, "\"abcd\"", "at most 3 characters" },
        { DataType.Array, new InputConstraints { MinItems = 1 }, "[]", "at least one item" },
        { DataType.Array, new InputConstraints { MaxItems = 2 }, "[1,2,3]", "at most 2 items" },
        { DataType.String, new InputConstraints { Format = ValueFormat.PercentOrCount }, "\"150%\"", "a share from 1% to 100% or a positive count" },
        { DataType.Duration, InputConstraints.None, "\"ten minutes\"", "an ISO 8601 duration" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Check_ValueBreakingOneConstraint_ReportsExpectedAndGiven(DataType type, InputConstraints constraints, string given, string expected)
    {
        var checker = new ValueChecker();

        checker.Check(JsonNode.Parse(given), type, constraints, "field");

        var violation = Assert.Single(checker.Violations);
        Assert.Equal("field", violation.Path);
        Assert.Contains(expected, violation.Expected, StringComparison.Ordinal);
        var shown = type == DataType.Array ? $"{JsonNode.Parse(given)!.AsArray().Count} items" : JsonNode.Parse(given)!.ToJsonString();
        Assert.Equal(shown, violation.Given);
    }

    [Fact]
    public void Check_ValuesWithinEveryConstraint_ReportsNothing()
    {
        var checker = new ValueChecker();

        checker.Check(JsonValue.Create(10), DataType.Integer, new InputConstraints { Minimum = JsonValue.Create(1), Maximum = JsonValue.Create(100) }, "canaryPercent");
        checker.Check(JsonValue.Create("PT5S"), DataType.Duration, new InputConstraints { Minimum = JsonValue.Create("PT1S"), Maximum = JsonValue.Create("PT1H") }, "pollInterval");
        checker.Check(JsonValue.Create("50%"), DataType.String, new InputConstraints { Format = ValueFormat.PercentOrCount }, "maxConcurrency");

        Assert.Empty(checker.Violations);
    }

    [Fact]
    public void Check_ObjectWithFields_ReportsMissingUnknownAndNestedFieldsByPath()
    {
        var constraints = new InputConstraints
        {
            Fields =
            [
                new WorkflowInputDefinition { Name = "url", Type = DataType.String, Required = true },
                new WorkflowInputDefinition { Name = "expectedStatus", Type = DataType.Integer, Constraints = new InputConstraints { Minimum = JsonValue.Create(100), Maximum = JsonValue.Create(599) } },
            ],
        };
        var checker = new ValueChecker();

        checker.Check(JsonNode.Parse("""{ "expectedStatus": 700, "colour": "red" }"""), DataType.Object, constraints, "probe");

        Assert.Equal(["probe.url", "probe.expectedStatus", "probe.colour"], checker.Violations.Select(v => v.Path));
    }

    [Fact]
    public void Check_ArrayItemsAndMapValues_ReportEachElementByPath()
    {
        var ids = new InputConstraints { Items = new ItemDefinition { Type = DataType.String, Constraints = new InputConstraints { Pattern = "^i-" } } };
        var tags = new InputConstraints { Values = new ItemDefinition { Type = DataType.Array } };
        var checker = new ValueChecker();

        checker.Check(JsonNode.Parse("""["i-1", "web-1", 7]"""), DataType.Array, ids, "instanceIds");
        checker.Check(JsonNode.Parse("""{ "PatchExempt": [], "Patch Owner": "ops" }"""), DataType.Object, tags, "excludeTags");

        Assert.Equal(["instanceIds[1]", "instanceIds[2]", "excludeTags[\"Patch Owner\"]"], checker.Violations.Select(v => v.Path));
    }

    [Fact]
    public void Check_EnumFromOnAValidString_LeavesALookupForTheHost()
    {
        var checker = new ValueChecker();

        checker.Check(JsonValue.Create("Prod"), DataType.String, new InputConstraints { EnumFrom = "patchGroups", AllowEmpty = true }, "patchGroup");
        checker.Check(JsonValue.Create(""), DataType.String, new InputConstraints { EnumFrom = "patchGroups", MinLength = 1 }, "other");

        Assert.Equal(new PendingLookup("patchGroup", "Prod", "patchGroups", AllowEmpty: true), Assert.Single(checker.Lookups));
        Assert.Single(checker.Violations);
    }
}
