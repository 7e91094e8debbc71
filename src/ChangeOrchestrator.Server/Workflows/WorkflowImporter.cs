using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Workflows;

/// <summary>
/// Imports the workflow files at start-up: a file whose content changed becomes a new version; an invalid file is
/// reported with every error and the last good version stays current.
/// </summary>
internal sealed partial class WorkflowImporter(
    WorkflowDefinitionLoader loader,
    DefinitionPublisher publisher,
    DatabaseStartupWait wait,
    IOptions<WorkflowsOptions> options,
    IHostEnvironment environment,
    ILogger<WorkflowImporter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportOnStart)
        {
            return;
        }

        var folder = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            LogFolderMissing(logger, folder);
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var loaded = await loader.LoadFileAsync(path, cancellationToken);
            if (!loaded.IsValid)
            {
                foreach (var error in loaded.Errors)
                {
                    LogInvalid(logger, error.File, error.Path, error.Message);
                }

                continue;
            }

            // Publishing again after a lost connection is safe: a version that did commit has the file's content
            // hash, so the second attempt finds it current and adds nothing.
            var json = await File.ReadAllTextAsync(path, cancellationToken);
            var file = Path.GetFileName(path);
            var result = await wait.RunAsync("importing workflow file " + file, token => publisher.PublishAsync(json, file, token), cancellationToken);
            if (result.Changed)
            {
                LogImported(logger, result.Stored!.Definition.Id, result.Stored.Definition.Version);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Imported workflow {DefinitionId} as version {Version}")]
    private static partial void LogImported(ILogger logger, string definitionId, int version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Workflow file {File} is invalid at {Path}: {Reason}; its last good version stays current")]
    private static partial void LogInvalid(ILogger logger, string file, string path, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Workflow folder {Folder} does not exist; nothing imported")]
    private static partial void LogFolderMissing(ILogger logger, string folder);
}
