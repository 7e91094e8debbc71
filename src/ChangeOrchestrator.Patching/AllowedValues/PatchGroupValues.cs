using System.Globalization;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Patching.AllowedValues;

/// <summary>
/// <c>"enumFrom": "patchGroups"</c>: the fleet's patch groups, read from the fleet and kept for
/// <see cref="AllowedValuesOptions.PatchGroupsCacheDuration"/>, so that refusing a typo costs no call to the fleet.
/// A group a baseline or the loaded patch policy declares but no server carries is listed as empty. When a refresh
/// fails, the last list is used; with none, the failure is the caller's to handle.
/// </summary>
public sealed class PatchGroupValues(IPatchFleet fleet, PatchPolicyHolder policy, TimeProvider time, IOptions<AllowedValuesOptions> options)
    : IAllowedValueSource, IDisposable
{
    public const string Name = "patchGroups";

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (AllowedValueSet Set, DateTimeOffset ReadAt)? _cached;

    public async Task<AllowedValueSet> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } set)
        {
            return set;
        }

        // One read of the fleet however many starts ask at once.
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            try
            {
                var groups = await fleet.ListPatchGroupsAsync(cancellationToken);
                var known = groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);

                // A group the policy declares is a real group even before any server is tagged with it.
                var declared = (policy.Current?.PatchGroups ?? [])
                    .Where(g => !known.Contains(g.Name))
                    .Select(g => new AllowedValue(g.Name, "declared by the patch policy, no server", IsEmpty: true));
                var read = new AllowedValueSet
                {
                    Values = [.. groups.Select(g => new AllowedValue(g.Name, Label(g), IsEmpty: g.ServerCount == 0)), .. declared],
                    EmptyHint = "no server carries a Patch Group tag and neither a patch baseline nor the patch policy declares a group",
                };
                _cached = (read, time.GetUtcNow());
                return read;
            }
            catch (FleetException) when (_cached is { } stale)
            {
                return stale.Set;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private AllowedValueSet? Fresh() =>
        _cached is { } cached && time.GetUtcNow() - cached.ReadAt < options.Value.PatchGroupsCacheDuration ? cached.Set : null;

    private static string Label(PatchGroupSummary group) => group.ServerCount switch
    {
        0 => group.RegisteredToBaseline ? "declared by a patch baseline, no server" : "no server",
        1 => "1 server",
        var n => string.Create(CultureInfo.InvariantCulture, $"{n} servers"),
    };
}
