using ChangeOrchestrator.Engine.Definitions.Contracts;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Patching.AllowedValues;

/// <summary><c>"enumFrom": "changeCalendars"</c>: the change calendars named in <c>AllowedValues:ChangeCalendars</c>.</summary>
public sealed class ChangeCalendarValues(IOptions<AllowedValuesOptions> options) : IAllowedValueSource
{
    public const string Name = "changeCalendars";

    public Task<AllowedValueSet> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new AllowedValueSet
    {
        Values = [.. options.Value.ChangeCalendars.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).Select(n => new AllowedValue(n))],
        EmptyHint = "list them in AllowedValues:ChangeCalendars",
    });
}
