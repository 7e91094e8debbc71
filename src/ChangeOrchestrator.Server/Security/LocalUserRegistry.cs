using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// The local logins: the configured users, plus the sandbox's generated <c>admin</c>. Local login is on in the
/// sandbox and, outside it, only when users are configured.
/// </summary>
internal sealed class LocalUserRegistry(IOptions<AuthOptions> options, bool sandbox)
{
    private readonly List<LocalUser> _generated = [];
    private readonly Lock _lock = new();

    // Checked for an unknown name, so that an unknown name costs as long as a wrong password for a known one.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _decoys = new();

    public bool Enabled => sandbox || options.Value.Local.Users.Count > 0;

    public bool HasConfiguredUsers => options.Value.Local.Users.Count > 0;

    public void Add(LocalUser user)
    {
        lock (_lock)
        {
            _generated.Add(user);
        }
    }

    public LocalUser? Find(string name) => All().FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));

    /// <summary>The user whose name and password match, or null; a wrong name and a wrong password take the same work.</summary>
    public LocalUser? Verify(string name, string password)
    {
        if (!Enabled)
        {
            return null;
        }

        var user = Find(name);
        var hash = user?.PasswordHash ?? DecoyFor();
        var matches = PasswordHashes.Verify(password, hash);
        return user is not null && matches ? user : null;
    }

    private string DecoyFor()
    {
        // The decoy's cost should match a real user's, so use the iterations of the first configured hash when there is one.
        var typical = All().Select(u => PasswordHashes.Iterations(u.PasswordHash)).FirstOrDefault(i => i >= PasswordHashes.MinimumIterations);
        var iterations = Math.Max(typical, PasswordHashes.MinimumIterations);
        return _decoys.GetOrAdd(iterations, i => PasswordHashes.Hash(Guid.NewGuid().ToString("N"), i));
    }

    private List<LocalUser> All()
    {
        lock (_lock)
        {
            return [.. options.Value.Local.Users, .. _generated];
        }
    }
}
