namespace ChangeOrchestrator.Connectors.Tests.Aws.Policies;

/// <summary>A throw-away copy of the repository's <c>policies/</c> folder that a test may edit.</summary>
public sealed class PolicyFolder : IDisposable
{
    private PolicyFolder(string path) => Path = path;

    public string Path { get; }

    public static PolicyFolder CopyOfShipped()
    {
        var target = Directory.CreateTempSubdirectory("policies-").FullName;
        foreach (var file in Directory.GetFiles(Shipped(), "*.yaml"))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return new PolicyFolder(target);
    }

    public static string Shipped()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ChangeOrchestrator.sln")))
            {
                return System.IO.Path.Combine(folder.FullName, "policies");
            }
        }

        throw new InvalidOperationException($"No ChangeOrchestrator.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Replaces text in one file; fails when the text is not there, so an edit never silently does nothing.</summary>
    public void Edit(string file, string find, string replace)
    {
        var path = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{find}' is not in {file}.");
        }

        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
