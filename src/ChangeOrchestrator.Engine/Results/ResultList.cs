using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// A per-server list taken out of an instance's state: the items of one array of a step output, a variable or an
/// activity's state, named by <see cref="Activity"/> and <see cref="Name"/> (the array's JSON path).
/// </summary>
public sealed record ResultList(string Activity, string Name, IReadOnlyList<JsonNode?> Items);
