using System.Globalization;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>The local logins of the test server, one per role the tests act as, with known passwords.</summary>
public static class ConsoleUsers
{
    public const string Password = "console-test-password-1";

    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>
    {
        ["ada"] = "Admin",
        ["olga"] = "Operator",
        ["victor"] = "Viewer",
    };

    public static Dictionary<string, string?> AsConfiguration()
    {
        var hash = PasswordHashes.Hash(Password, PasswordHashes.MinimumIterations);
        var settings = new Dictionary<string, string?>();
        var index = 0;
        foreach (var (name, role) in ByName)
        {
            var prefix = $"Auth:Local:Users:{index.ToString(CultureInfo.InvariantCulture)}:";
            settings[prefix + "Name"] = name;
            settings[prefix + "PasswordHash"] = hash;
            settings[prefix + "Roles:0"] = role;
            index++;
        }

        return settings;
    }
}
