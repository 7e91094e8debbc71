using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Patching;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Workflows;

/// <summary>The repository's workflow files load as the server imports them, with every activity it registers.</summary>
public sealed class WorkflowFilesTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.EnumerateFiles(PatchChangeServer.RepositoryFile("workflows"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task WorkflowFile_LoadsWithTheServersActivities(string file)
    {
        await using var provider = new ServiceCollection().AddWorkflowEngine().AddPatchingActivities().BuildServiceProvider();
        var loader = provider.GetRequiredService<WorkflowDefinitionLoader>();

        var loaded = await loader.LoadFileAsync(PatchChangeServer.RepositoryFile("workflows", file), CancellationToken.None);

        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
    }
}
