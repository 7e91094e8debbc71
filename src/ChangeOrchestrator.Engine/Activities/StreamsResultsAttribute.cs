namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// On an input: per-server lists stored apart from the instance reach the activity as references, which it reads a
/// page at a time with <see cref="ActivityContext.ReadListAsync"/>, instead of being read whole before it runs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StreamsResultsAttribute : Attribute;
