using System.Collections.Concurrent;
using System.Globalization;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Patching.AllowedValues;

/// <summary>
/// <c>"enumFrom": "patchGroups"</c>: the fleet's patch groups, read from the fleet and kept for
/// <see cref="AllowedValuesOptions.PatchGroupsCacheDuration"/>. A group a baseline or the loaded patch policy declares
/// but no server carries is listed as empty. A start checks its one group without listing them all (a filtered read
/// of the servers tagged with it, see <see cref="IPatchFleet.FindPatchGroupAsync"/>), as listing every group reads
/// every hybrid node's tags one call each; the full list, when a start form already read it, answers for free.
/// When a read fails, the last answer is used; with none, the failure is the caller's to handle.
/// </summary>
public sealed class PatchGroupValues(IPatchFleet fleet, PatchPolicyHolder policy, TimeProvider time, IOptions<AllowedValuesOptions> options)
    : IAllowedValueFinder, IDisposable
{
    public const string Name = "patchGroups";

    private const string DeclaredByBaselineLabel = "declared by a patch baseline, no server";

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly SemaphoreSlim _finding = new(1, 1);

    // Only groups that exist are kept (a typo is asked again), so this holds at most the fleet's groups.
    private readonly ConcurrentDictionary<string, (AllowedValue Value, DateTimeOffset ReadAt)> _found = new(StringComparer.Ordinal);
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
                    .Select(g => DeclaredByPolicy(g.Name));
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

    public async Task<AllowedValueMatch> FindAsync(string value, CancellationToken cancellationToken)
    {
        if (Fresh() is { } set)
        {
            return AllowedValueMatch.In(set, value);
        }

        if (FreshFound(value) is { } found)
        {
            return new AllowedValueMatch { Value = found };
        }

        // One read of the fleet per group however many starts name it at once.
        await _finding.WaitAsync(cancellationToken);
        try
        {
            if (FreshFound(value) is { } foundMeanwhile)
            {
                return new AllowedValueMatch { Value = foundMeanwhile };
            }

            try
            {
                var presence = await fleet.FindPatchGroupAsync(value, cancellationToken);
                var answer = presence switch
                {
                    PatchGroupPresence.CarriedByServers => new AllowedValue(value, "carried by live servers"),
                    PatchGroupPresence.DeclaredByBaseline => new AllowedValue(value, DeclaredByBaselineLabel, IsEmpty: true),
                    _ when policy.Current?.Group(value) is not null => DeclaredByPolicy(value),
                    _ => null,
                };
                if (answer is null)
                {
                    return new AllowedValueMatch
                    {
                        Reason = $"no live server is tagged Patch Group={value} (or PatchGroup={value}) and neither a patch baseline nor the patch policy declares it",
                    };
                }

                _found[value] = (answer, time.GetUtcNow());
                return new AllowedValueMatch { Value = answer };
            }
            catch (FleetException) when (_found.TryGetValue(value, out var stale))
            {
                return new AllowedValueMatch { Value = stale.Value };
            }
            catch (FleetException) when (_cached is { } stale)
            {
                return AllowedValueMatch.In(stale.Set, value);
            }
        }
        finally
        {
            _finding.Release();
        }
    }

    public void Dispose()
    {
        _refresh.Dispose();
        _finding.Dispose();
    }

    private AllowedValueSet? Fresh() =>
        _cached is { } cached && time.GetUtcNow() - cached.ReadAt < options.Value.PatchGroupsCacheDuration ? cached.Set : null;

    private AllowedValue? FreshFound(string value) =>
        _found.TryGetValue(value, out var found) && time.GetUtcNow() - found.ReadAt < options.Value.PatchGroupsCacheDuration ? found.Value : null;

    private static AllowedValue DeclaredByPolicy(string name) => new(name, "declared by the patch policy, no server", IsEmpty: true);

    private static string Label(PatchGroupSummary group) => group.ServerCount switch
    {
        0 => group.RegisteredToBaseline ? DeclaredByBaselineLabel : "no server",
        1 => "1 server",
        var n => string.Create(CultureInfo.InvariantCulture, $"{n} servers"),
    };
}
