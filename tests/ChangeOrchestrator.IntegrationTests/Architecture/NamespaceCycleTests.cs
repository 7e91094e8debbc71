namespace ChangeOrchestrator.IntegrationTests.Architecture;

/// <summary>
/// Inside each project, no two feature folders (first-level namespaces, each with the namespaces below it) depend
/// on each other through any path, so a folder can be read knowing only those it uses. The root namespace of a
/// project holds its composition (service registration), which wires every folder and is therefore left out.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Theory]
    [InlineData("Engine")]
    [InlineData("Patching")]
    [InlineData("Connectors")]
    [InlineData("Persistence")]
    [InlineData("Web")]
    [InlineData("Server")]
    [InlineData("Simulators")]
    public void Project_HasNoCyclesBetweenFeatureFolders(string project)
    {
        var cycles = FeatureFolders.Cycles(project);

        Assert.True(cycles.Count == 0, $"cycles between the folders of {project}:\n{string.Join("\n", cycles)}");
    }
}
