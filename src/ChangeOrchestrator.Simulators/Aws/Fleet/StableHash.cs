namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>FNV-1a: string.GetHashCode changes per process, and the generated fleet must not.</summary>
internal static class StableHash
{
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
