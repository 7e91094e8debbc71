using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>Stores an instant as its UTC ticks, which keeps full precision and sorts and compares as a number.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
