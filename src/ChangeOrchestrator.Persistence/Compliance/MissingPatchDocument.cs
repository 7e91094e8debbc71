using System.Text.Json;
using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>The compact JSON of a scan's missing patches: short keys, no titles (the findings keep those).</summary>
internal static class MissingPatchDocument
{
    public static string Write(IReadOnlyList<MissingPatch> patches) => JsonSerializer.Serialize(
        patches.Select(p => new Entry(p.Id, p.Severity, p.Classification, p.State == MissingPatchState.Failed ? "F" : null, p.CveIds.Count == 0 ? null : p.CveIds)),
        Options);

    public static IReadOnlyList<string> PatchIds(string document) =>
        [.. (JsonSerializer.Deserialize<List<Entry>>(document, Options) ?? []).Select(e => e.I)];

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record Entry(string I, string? S, string? C, string? F, IReadOnlyList<string>? V);
}
