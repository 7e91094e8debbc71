using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Results;

/// <summary>
/// One item of a per-server list of an instance: keyed by instance, activity (the step, or <c>$vars</c>), list name
/// and position; the server it is about and its state are columns, so a page can be filtered by them.
/// </summary>
internal sealed class StepResultRow
{
    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string Name { get; init; }

    public required int Ordinal { get; init; }

    public string? ServerId { get; init; }

    public string? State { get; init; }

    public string? Data { get; init; }

    public static IEnumerable<StepResultRow> From(string instanceId, ResultList list, int firstOrdinal = 0) =>
        list.Items.Select((item, i) => Of(instanceId, list, firstOrdinal + i, item));

    /// <summary>
    /// The rows of <paramref name="count"/> of the list's items from index <paramref name="first"/>, at their own
    /// positions (where <see cref="From"/> shifts a page's items to start at an ordinal).
    /// </summary>
    public static IReadOnlyList<StepResultRow> Slice(string instanceId, ResultList list, int first, int count)
    {
        var rows = new StepResultRow[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = Of(instanceId, list, first + i, list.Items[first + i]);
        }

        return rows;
    }

    private static StepResultRow Of(string instanceId, ResultList list, int ordinal, JsonNode? item) => new()
    {
        InstanceId = instanceId,
        ActivityId = list.Activity,
        Name = list.Name,
        Ordinal = ordinal,
        ServerId = Bounded(ResultReference.ServerOf(item)),
        State = Bounded(ResultReference.StateOf(item)),
        Data = StoredJson.WriteNode(item),
    };

    public ResultItem ToItem() => new(ActivityId, Name, Ordinal, ServerId, State, StoredJson.ReadNode(Data));

    // The columns are for finding rows; an item whose id or state is longer than a server id keeps it in its data.
    private static string? Bounded(string? value) => value is { Length: <= 128 } ? value : null;
}
