using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// fleet.md and fleet.json beside latest.md: the per-operation calls and their derivation, which do not fit the figure
/// tables. They are written only when the fleet scenario ran, so a run of other scenarios leaves the last ones in place.
/// </summary>
internal static class FleetReport
{
    public const string MarkdownFile = "fleet.md";

    public static async Task WriteAsync(
        IReadOnlyList<FleetReportSection> sections, IReadOnlyList<string> failures, DateTimeOffset startedAt, string folder, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("# Fleet: one patch change over simulated servers\n\n");
        text.Append($"Run {startedAt:yyyy-MM-dd HH:mm} UTC. See the fleet section of bench/README.md for what is measured; the minimum of each AWS operation ")
            .Append("assumes every read at its largest page or batch, every status read once after the work is done (no poll that finds it still running) and ")
            .Append("idempotency lookups in their batched form. Polls, per-server lookups and retries are what the actual count has beyond it.\n\n");
        foreach (var failure in failures)
        {
            text.Append("**").Append(failure).Append("**\n\n");
        }

        foreach (var section in sections)
        {
            section.Render(text);
        }

        var json = new JsonObject
        {
            ["startedAt"] = startedAt,
            ["runs"] = new JsonArray([.. sections.Select(s => (JsonNode)new JsonObject
            {
                ["targets"] = s.Run.Targets,
                ["warmServer"] = s.Run.WarmServer,
                ["fleetSize"] = s.Run.FleetSize,
                ["timeScale"] = s.Run.TimeScale,
                ["cpuSeconds"] = s.Run.CpuSeconds,
                ["peakWorkingSetMiB"] = s.Run.PeakWorkingSetMiB,
                ["wallSeconds"] = s.Run.WallSeconds,
                ["fleetSeconds"] = s.FleetSeconds,
                ["apiFloorSeconds"] = s.ApiFloorSeconds,
                ["awsCalls"] = new JsonObject([.. s.Run.AwsCalls.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]),
                ["awsMinimum"] = new JsonObject([.. s.Minimum.Select(m => KeyValuePair.Create(m.Operation, (JsonNode?)m.Calls))]),
                ["deskCalls"] = new JsonObject([.. s.Run.DeskCalls.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]),
            })]),
        };
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, MarkdownFile), text.ToString(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "fleet.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
    }

    private static async Task<DateTimeOffset?> StartedAtAsync(string json, CancellationToken cancellationToken)
    {
        if (!File.Exists(json))
        {
            return null;
        }

        await using var stream = File.OpenRead(json);
        var node = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
        return node?["startedAt"] is JsonValue value && value.TryGetValue(out DateTimeOffset at) ? at.ToUniversalTime() : null;
    }

    /// <summary>Points latest.md at fleet.md when this run did not include the fleet scenario but an earlier one did.</summary>
    public static async Task LinkAsync(string latestMarkdown, string folder, CancellationToken cancellationToken)
    {
        var fleet = Path.Combine(folder, MarkdownFile);
        if (File.Exists(fleet))
        {
            // The run's own start, as its figures recorded it: a file's time is its checkout's on a fresh clone.
            var started = await StartedAtAsync(Path.Combine(folder, "fleet.json"), cancellationToken);
            var when = started is { } at ? string.Create(CultureInfo.InvariantCulture, $" ({at:yyyy-MM-dd HH:mm} UTC)") : "";
            await File.AppendAllTextAsync(latestMarkdown,
                $"## Fleet\n\nNot run this time; the last fleet run{when} is in [fleet.md](fleet.md).\n",
                cancellationToken);
        }
    }
}
