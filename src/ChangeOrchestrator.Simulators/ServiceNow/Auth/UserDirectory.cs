using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Auth;

/// <summary>The configured accounts joined to their sys_user records.</summary>
internal sealed class UserDirectory(IOptionsMonitor<ServiceNowSimulatorOptions> options, ServiceNowStore store)
{
    public ServiceNowUser? Authenticate(string userName, string password)
    {
        var account = Account(userName);
        return account is not null && SecretsEqual(account.Password, password) ? Find(account.UserName) : null;
    }

    public ServiceNowUser? Find(string userName)
    {
        var account = Account(userName);
        if (account is null)
        {
            return null;
        }

        lock (store.Gate)
        {
            var record = store.Rows(UserSchema.Table).FirstOrDefault(u => string.Equals(u["user_name"], account.UserName, StringComparison.OrdinalIgnoreCase));
            return record is null ? null : new ServiceNowUser(account.UserName, record.SysId, record["name"], account.Roles);
        }
    }

    public ServiceNowUser? FindBySysId(string sysId)
    {
        string? userName;
        lock (store.Gate)
        {
            userName = store.Find(UserSchema.Table, sysId)?["user_name"];
        }

        return userName is null ? null : Find(userName);
    }

    /// <summary>Compares secrets in constant time so the simulator does not teach timing-leaky habits.</summary>
    public static bool SecretsEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private ServiceNowUserOptions? Account(string userName) =>
        options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
