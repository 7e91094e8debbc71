using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Loading;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>
/// Loads the policy folder into <see cref="PatchPolicyHolder"/> at start-up and on request. An invalid folder is
/// reported with every error and the policy loaded before stays current, as with workflow files.
/// </summary>
internal sealed partial class PolicyFolderLoader(
    PatchPolicyHolder holder, IOptions<PoliciesOptions> options, IHostEnvironment environment, ILogger<PolicyFolderLoader> logger) : IHostedService
{
    /// <summary>The configured folder as an absolute path, or null when none is configured.</summary>
    public string? Folder => string.IsNullOrWhiteSpace(options.Value.Folder) ? null : Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    public async Task StartAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<PolicyLoadResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (Folder is not { } folder)
        {
            return null;
        }

        if (!Directory.Exists(folder))
        {
            LogFolderMissing(logger, folder);
            return null;
        }

        var result = await PatchPolicyLoader.LoadDirectoryAsync(folder, cancellationToken);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                LogInvalid(logger, error.File, error.Line, error.Field, error.Message);
            }

            return result;
        }

        holder.Set(result.Policy!, folder);
        LogLoaded(logger, folder, result.Policy!.Baselines.Count, result.Policy.PatchGroups.Count, result.Policy.MaintenanceWindows.Count);
        return result;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Loaded the patch policy of {Folder}: {Baselines} baselines, {Groups} patch groups, {Windows} maintenance windows")]
    private static partial void LogLoaded(ILogger logger, string folder, int baselines, int groups, int windows);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Patch policy file {File}:{Line} is invalid at {Field}: {Reason}; the policy loaded before stays current")]
    private static partial void LogInvalid(ILogger logger, string file, int line, string field, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Patch policy folder {Folder} does not exist; patch changes use the built-in change policies")]
    private static partial void LogFolderMissing(ILogger logger, string folder);
}
