using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// One line of <c>/proc/&lt;pid&gt;/stat</c> (or of a thread's, under <c>task/</c>). The name (field 2) sits in
/// parentheses and may hold spaces; the fields after its closing parenthesis are plain.
/// </summary>
internal readonly struct ProcStat
{
    private readonly string[] _fields;

    private ProcStat(string name, string[] fields)
    {
        Name = name;
        _fields = fields;
    }

    /// <summary>The process's or thread's name, as Linux shows it (15 characters at most).</summary>
    public string Name { get; }

    public int ParentId => int.Parse(_fields[1], CultureInfo.InvariantCulture);

    /// <summary>User plus system time, in clock ticks (100 a second).</summary>
    public long CpuTicks => long.Parse(_fields[11], CultureInfo.InvariantCulture) + long.Parse(_fields[12], CultureInfo.InvariantCulture);

    public static ProcStat Parse(string line)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        var close = line.LastIndexOf(')');
        return new ProcStat(line[(open + 1)..close], line[(close + 2)..].Split(' '));
    }
}
