namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>A temporary folder of workflow files for a test server to import; deleted afterwards.</summary>
public sealed class WorkflowFolder : IDisposable
{
    public WorkflowFolder()
    {
        Path = Directory.CreateTempSubdirectory("co-workflows-").FullName;
    }

    public string Path { get; }

    public WorkflowFolder With(string id, string json)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, id + ".json"), json);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
