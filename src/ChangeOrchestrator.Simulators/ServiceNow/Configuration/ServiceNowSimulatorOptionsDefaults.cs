using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>
/// Fills the sandbox accounts and OAuth client only when none are configured: the configuration binder appends to
/// pre-filled lists, so defaults placed in the options class could not be replaced.
/// </summary>
internal sealed class ServiceNowSimulatorOptionsDefaults : IPostConfigureOptions<ServiceNowSimulatorOptions>
{
    public void PostConfigure(string? name, ServiceNowSimulatorOptions options)
    {
        if (options.Users.Count == 0)
        {
            options.Users.Add(User("admin", "admin", "System Administrator", "admin"));
            options.Users.Add(User("beth.anglin", "beth.anglin", "Beth Anglin", "itil"));
            options.Users.Add(User("abel.tuter", "abel.tuter", "Abel Tuter", "itil"));
        }

        if (options.OAuth.Clients.Count == 0)
        {
            options.OAuth.Clients.Add(new ServiceNowOAuthClientOptions
            {
                ClientId = "changeorchestrator",
                ClientSecret = "changeorchestrator-secret",
                ApplicationUser = "admin",
            });
        }
    }

    private static ServiceNowUserOptions User(string userName, string password, string name, string role) => new()
    {
        UserName = userName,
        Password = password,
        Name = name,
        Email = userName + "@example.com",
        Roles = [role],
    };
}
