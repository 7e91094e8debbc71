using ChangeOrchestrator.Server.Cli;
using ChangeOrchestrator.Server.Hosting;

if (args is ["validate", .. var paths])
{
    return await ValidateCommand.RunAsync(paths, Console.Out, CancellationToken.None);
}

if (args is ["policy", .. var policyArgs])
{
    return await PolicyCommand.RunAsync(policyArgs, Console.Out, CancellationToken.None);
}

if (args is ["migrate", .. var settings])
{
    return await MigrateCommand.RunAsync(settings, Console.Out, CancellationToken.None);
}

if (args is ["hash-password", .. var hashOptions])
{
    return await HashPasswordCommand.RunAsync(hashOptions, Console.In, Console.Out, interactive: !Console.IsInputRedirected);
}

if (args is ["create-api-key", .. var keyOptions])
{
    return await CreateApiKeyCommand.RunAsync(keyOptions, Console.Out, TimeProvider.System);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddChangeOrchestrator();

var app = builder.Build();
app.UseChangeOrchestrator();
await app.RunAsync();
return 0;
