namespace ChangeOrchestrator.Patching.Policies;

/// <summary>
/// The policy the server loaded from its <c>policies/</c> folder, read by the activities that classify and schedule
/// patch changes. Empty until a folder is loaded: the activities then keep their built-in defaults.
/// </summary>
public sealed class PatchPolicyHolder
{
    private volatile LoadedPolicy? _loaded;

    public PatchPolicy? Current => _loaded?.Policy;

    /// <summary>The folder the current policy came from.</summary>
    public string? Folder => _loaded?.Folder;

    public void Set(PatchPolicy policy, string folder) => _loaded = new LoadedPolicy(policy, folder);

    private sealed record LoadedPolicy(PatchPolicy Policy, string Folder);
}
