using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Patching;

namespace ChangeOrchestrator.Server.Cli;

/// <summary>
/// <c>validate &lt;file or folder&gt;...</c>: checks workflow files as the server would import them and prints every
/// error as <c>file: JSON path: reason</c>; exits 1 when any file is invalid, so it can gate users' own CI.
/// </summary>
internal static class ValidateCommand
{
    public static async Task<int> RunAsync(string[] paths, TextWriter output, CancellationToken cancellationToken)
    {
        if (paths.Length == 0)
        {
            await output.WriteLineAsync("usage: validate <workflow.json | folder>...");
            return 2;
        }

        var services = new ServiceCollection().AddWorkflowEngine().AddPatchingActivities();
        await using var provider = services.BuildServiceProvider();
        var loader = provider.GetRequiredService<WorkflowDefinitionLoader>();

        var files = 0;
        var invalid = 0;
        foreach (var path in paths)
        {
            IEnumerable<(string Path, DefinitionResult Result)> results;
            if (Directory.Exists(path))
            {
                results = await loader.LoadDirectoryAsync(path, cancellationToken);
            }
            else if (File.Exists(path))
            {
                results = [(path, await loader.LoadFileAsync(path, cancellationToken))];
            }
            else
            {
                await output.WriteLineAsync($"{path}: no such file or folder");
                invalid++;
                continue;
            }

            foreach (var (file, result) in results)
            {
                files++;
                if (result.IsValid)
                {
                    await output.WriteLineAsync($"{file}: valid ({result.Definition!.Activities.Count} activities)");
                    continue;
                }

                invalid++;
                foreach (var error in result.Errors)
                {
                    await output.WriteLineAsync($"{file}: {error.Path}: {error.Message}");
                }
            }
        }

        await output.WriteLineAsync($"{files} file(s) checked, {invalid} invalid");
        return invalid == 0 ? 0 : 1;
    }
}
