using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Api;

/// <summary>
/// Random starts of every shipped workflow with values of the wrong shape and range in random inputs (each start
/// has at least one value of the wrong type, so none can be valid): every answer is a 400 naming fields, never a
/// 500, nothing is stored and the simulated desks and AWS receive no call. Reproducible from the seed.
/// </summary>
public sealed class InputContractFuzzTests(InputContractServer fixture) : IClassFixture<InputContractServer>
{
    private const int Seed = 19;
    private const int StartsPerWorkflow = 125;

    [Fact]
    public async Task Start_RandomWrongValuesForEveryShippedWorkflow_AllRefusedWithoutSideEffects()
    {
        var random = new Random(Seed);
        var before = await fixture.EffectsAsync();
        var answers = new Dictionary<HttpStatusCode, int>();
        var unexpected = new List<string>();

        foreach (var definitionId in InputContractServer.Workflows)
        {
            var inputs = (await fixture.Client.GetFromJsonAsync<JsonObject>($"/api/definitions/{definitionId}"))!["contract"]!["inputs"]!.AsArray()
                .Select(i => (Name: i!["name"]!.GetValue<string>(), Type: i["type"]!.GetValue<string>()))
                .ToList();
            for (var round = 0; round < StartsPerWorkflow; round++)
            {
                var input = RandomInput(random, inputs);
                var (status, body) = await fixture.StartAsync(definitionId, input);
                answers[status] = answers.GetValueOrDefault(status) + 1;
                if (status != HttpStatusCode.BadRequest || body?["errors"] is not JsonObject { Count: > 0 })
                {
                    unexpected.Add($"{definitionId} round {round}: {(int)status} {body?.ToJsonString()} for {input.ToJsonString()}");
                }
            }
        }

        var after = await fixture.EffectsAsync();
        Assert.True(unexpected.Count == 0, $"seed {Seed}: " + string.Join(Environment.NewLine, unexpected.Take(5)));
        Assert.Equal(InputContractServer.Workflows.Length * StartsPerWorkflow, answers.GetValueOrDefault(HttpStatusCode.BadRequest));
        Assert.Equal(0, answers.GetValueOrDefault(HttpStatusCode.InternalServerError));
        Assert.Equal(before, after);
    }

    private static JsonObject RandomInput(Random random, List<(string Name, string Type)> inputs)
    {
        var input = new JsonObject();
        foreach (var (name, type) in inputs.Where(_ => random.Next(3) > 0))
        {
            input[name] = random.Next(2) == 0 ? WrongShape(random, type) : WrongRange(random, type);
        }

        // At least one value of the wrong type, so that no start of the run can be accepted.
        var (forced, forcedType) = inputs[random.Next(inputs.Count)];
        input[forced] = WrongShape(random, forcedType);
        if (random.Next(4) == 0)
        {
            input["undeclared" + random.Next(100).ToString(CultureInfo.InvariantCulture)] = WrongRange(random, "string");
        }

        return input;
    }

    /// <summary>A value that is not of the declared type.</summary>
    private static JsonNode WrongShape(Random random, string type)
    {
        JsonNode[] candidates = type switch
        {
            "string" => [JsonValue.Create(42), JsonValue.Create(true), new JsonArray("x"), new JsonObject { ["a"] = 1 }],
            "integer" => [JsonValue.Create("10"), JsonValue.Create(1.5), JsonValue.Create(false), new JsonArray(1)],
            "number" => [JsonValue.Create("1"), JsonValue.Create(true), new JsonObject()],
            "boolean" => [JsonValue.Create("true"), JsonValue.Create(1), new JsonArray()],
            "duration" => [JsonValue.Create("ten minutes"), JsonValue.Create(600), JsonValue.Create("P"), JsonValue.Create("PTXS"), new JsonArray()],
            "dateTime" => [JsonValue.Create("yesterday"), JsonValue.Create(1733356800), JsonValue.Create("2026-13-45T25:61:00Z"), new JsonObject()],
            "array" => [JsonValue.Create("i-0123"), new JsonObject { ["0"] = "x" }, JsonValue.Create(3)],
            "object" => [new JsonArray("PatchExempt"), JsonValue.Create("{}"), JsonValue.Create(0)],
            _ => [],
        };
        return candidates.Length == 0 ? JsonValue.Create("any") : candidates[random.Next(candidates.Length)].DeepClone();
    }

    /// <summary>A value of the declared type, or near it, at or beyond the edges: empty, huge, negative, odd characters, deep.</summary>
    private static JsonNode WrongRange(Random random, string type)
    {
        JsonNode[] candidates = type switch
        {
            "string" => [JsonValue.Create(""), JsonValue.Create(new string('x', 3000)), JsonValue.Create("150%"), JsonValue.Create("-5"), JsonValue.Create("0"),
                JsonValue.Create("../../etc/passwd"), JsonValue.Create("<script>alert(1)</script>"), JsonValue.Create("ünïcødé 🚀"), JsonValue.Create("a\u0000b"),
                JsonValue.Create("' OR 1=1 --"), JsonValue.Create("(a+)+$"), JsonValue.Create("javascript:alert(1)")],
            "integer" => [JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(int.MaxValue), JsonValue.Create(long.MinValue), JsonValue.Create(1e300)],
            "number" => [JsonValue.Create(-1e308), JsonValue.Create(double.Epsilon)],
            "duration" => [JsonValue.Create("PT0S"), JsonValue.Create("-P1D"), JsonValue.Create("P9999Y"), JsonValue.Create("PT0.001S"), JsonValue.Create("P100D")],
            "dateTime" => [JsonValue.Create("0001-01-01T00:00:00Z"), JsonValue.Create("9999-12-31T23:59:59Z"), JsonValue.Create("2020-01-01T00:00:00+14:00")],
            "array" => [new JsonArray(), new JsonArray([.. Enumerable.Range(0, 300).Select(i => (JsonNode)i)]), new JsonArray(null, "", new JsonArray()),
                new JsonArray([.. Enumerable.Range(0, 20).Select(_ => (JsonNode)new string('y', 300))])],
            "object" => [new JsonObject(), Deep(40), new JsonObject { ["Prod"] = new JsonObject { ["risk"] = "extreme", ["x"] = 1 } },
                new JsonObject { ["PatchExempt"] = "yes", ["url"] = "ftp://x" }],
            _ => [JsonValue.Create(0)],
        };
        return candidates[random.Next(candidates.Length)].DeepClone();
    }

    private static JsonObject Deep(int depth)
    {
        var root = new JsonObject();
        var current = root;
        for (var i = 0; i < depth; i++)
        {
            var next = new JsonObject();
            current["a"] = next;
            current = next;
        }

        return root;
    }
}
