namespace ChangeOrchestrator.UiTests.Support;

/// <summary>Files of the repository the tests run from: the workflows the product ships and the README's images.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string Images => Directory.CreateDirectory(Path.Combine(Root, "docs", "images")).FullName;

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChangeOrchestrator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ChangeOrchestrator.sln above {AppContext.BaseDirectory}.");
    }
}
