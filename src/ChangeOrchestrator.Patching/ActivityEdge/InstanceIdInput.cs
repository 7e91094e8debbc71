using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>
/// A list of server ids given to an activity that polls: declared with <see cref="StreamsResultsAttribute"/>, it stays
/// a reference to the stored list, read here once when the work starts. Read as a typed input instead, the list of a
/// 10,000-server wave was read from the database and bound again at every poll of the wave, to be thrown away.
/// </summary>
internal static class InstanceIdInput
{
    /// <summary>What every activity that takes such a list calls it, as errors name it.</summary>
    private const string InputName = "instanceIds";

    /// <summary>
    /// The distinct ids, in the order given. A value that is not a list of strings, or an empty list, is a permanent
    /// fault naming the input: every activity that takes one has work to send to each server.
    /// </summary>
    public static async Task<List<string>> ReadAsync(ActivityContext context, JsonNode? list, CancellationToken cancellationToken)
    {
        if (list is not JsonArray && !ResultReference.Is(list))
        {
            throw new ActivityException(
                $"{context.Node.Type} '{context.ActivityId}' needs {InputName} to be a list of instance ids, not {Describe(list)}.", isTransient: false);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        await foreach (var id in context.ReadListAsync<string>(list, InputName, cancellationToken))
        {
            if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            throw new ActivityException($"{context.Node.Type} '{context.ActivityId}' needs at least one instance id.", isTransient: false);
        }

        return ids;
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "nothing",
        JsonObject => "an object",
        JsonValue v => $"the value {v.ToJsonString()}",
        _ => value.GetValueKind().ToString().ToLowerInvariant(),
    };
}
