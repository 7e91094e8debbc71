namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>Every place in the loader's source that reports an error, as "File.cs:line" like the loader records it.</summary>
internal static class LoaderChecks
{
    public static readonly string[] Files =
    [
        "src/ChangeOrchestrator.Engine/Definitions/DefinitionReader.cs",
        "src/ChangeOrchestrator.Engine/Definitions/ContractReader.cs",
        "src/ChangeOrchestrator.Engine/Publishing/DefinitionValidator.cs",
    ];

    public static IReadOnlyList<(string Check, string Line)> All()
    {
        var root = RepositoryRoot();
        return [.. Files.SelectMany(file => File.ReadAllLines(Path.Combine(root, file))
            .Select((line, index) => (Check: $"{Path.GetFileName(file)}:{index + 1}", Line: line))
            .Where(site => site.Line.Contains("errors.Add(", StringComparison.Ordinal)))];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChangeOrchestrator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ChangeOrchestrator.sln above {AppContext.BaseDirectory}");
    }
}
