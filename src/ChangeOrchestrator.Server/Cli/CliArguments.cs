namespace ChangeOrchestrator.Server.Cli;

/// <summary><c>--name value</c> options of the small commands; repeated options keep every value.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public List<string> Errors { get; } = [];

    public static CliArguments Parse(IReadOnlyList<string> args, params string[] known)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                parsed.Errors.Add($"unknown option '{name}'");
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Errors.Add($"{name} needs a value");
                continue;
            }

            if (!parsed._values.TryGetValue(name, out var values))
            {
                parsed._values[name] = values = [];
            }

            values.Add(args[++i]);
        }

        return parsed;
    }

    public string? One(string name) => _values.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];
}
