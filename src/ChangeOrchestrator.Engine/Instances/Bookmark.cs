namespace ChangeOrchestrator.Engine.Instances;

/// <summary>
/// What a suspended activity waits for: a stimulus of <see cref="Kind"/> and <see cref="Key"/>
/// (e.g. <c>approval</c> + <c>servicenow:CHG0030012</c>), or the instant <see cref="DueAt"/>.
/// </summary>
public sealed record Bookmark(string Kind, string Key, DateTimeOffset? DueAt = null, string? Name = null)
{
    public const string TimerKind = "timer";

    public bool IsTimer => DueAt is not null;

    public static Bookmark For(string kind, string key, string? name = null) => new(kind, key, null, name);

    public static Bookmark At(DateTimeOffset dueAt, string? name = null) => new(TimerKind, string.Empty, dueAt, name);
}
