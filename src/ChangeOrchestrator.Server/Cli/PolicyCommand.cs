using System.Globalization;
using System.Xml;
using ChangeOrchestrator.Connectors;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Changes;
using ChangeOrchestrator.Patching.Policies.Loading;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Server.Cli;

/// <summary>
/// <c>policy validate|plan|apply &lt;folder&gt;</c>: checks the patch policy files (every error as
/// <c>file:line: field: reason</c>), shows what applying them would change in SSM and what drifted, and applies
/// them. SSM and the service desks are configured as for the server (appsettings.json, environment variables).
/// Exit codes: 0 done, 1 invalid policy or a refused write, 2 wrong usage.
/// </summary>
internal static class PolicyCommand
{
    private const string Usage = "usage: policy validate <folder> | policy plan <folder> [--delete] | policy apply <folder> [--delete] [--via-change servicenow|jira] [--approval-timeout PT4H] [--approval-poll-interval PT15S]";

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return RunAsync(args, configuration, output, cancellationToken);
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        if (args is not [("validate" or "plan" or "apply") and var verb, var folder, .. var rest])
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var allowDeletes = rest.Contains("--delete", StringComparer.Ordinal);
        var options = CliArguments.Parse([.. rest.Where(a => a != "--delete")], "--via-change", "--approval-timeout", "--approval-poll-interval");
        if (options.Errors.Count > 0 || (verb != "apply" && options.One("--via-change") is not null))
        {
            await output.WriteLineAsync(string.Join(Environment.NewLine, options.Errors.DefaultIfEmpty("--via-change goes with apply")));
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var loaded = await PatchPolicyLoader.LoadDirectoryAsync(folder, cancellationToken);
        foreach (var error in loaded.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }

        if (!loaded.IsValid)
        {
            await output.WriteLineAsync($"{loaded.Files.Count} file(s) checked, {loaded.Errors.Count} error(s)");
            return 1;
        }

        var policy = loaded.Policy!;
        if (verb == "validate")
        {
            await output.WriteLineAsync($"{loaded.Files.Count} file(s) valid: {policy.Baselines.Count} baselines, {policy.PatchGroups.Count} patch groups, "
                + $"{policy.MaintenanceWindows.Count} maintenance windows, {policy.Slas.Count} SLAs, {policy.Exceptions.Count} exceptions");
            return 0;
        }

        if (string.IsNullOrWhiteSpace(configuration["Aws:Region"]))
        {
            await output.WriteLineAsync("Aws:Region is not configured (set Aws__Region, and Aws__ServiceUrl for the simulator); SSM cannot be read.");
            return 2;
        }

        var services = new ServiceCollection().AddLogging().AddAwsFleet(configuration).AddServiceDesks(configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            return verb == "plan"
                ? await PlanAsync(provider.GetRequiredService<PatchPolicyService>(), policy, allowDeletes, output, cancellationToken)
                : options.One("--via-change") is { } desk
                    ? await ApplyViaChangeAsync(provider.GetRequiredService<PolicyChangeRunner>(), policy, desk, allowDeletes, options, output, cancellationToken)
                    : await ApplyAsync(provider.GetRequiredService<PatchPolicyService>(), policy, allowDeletes, output, cancellationToken);
        }
        catch (FleetException error)
        {
            await output.WriteLineAsync($"SSM: {error.Message}");
            return 1;
        }
    }

    private static async Task<int> PlanAsync(PatchPolicyService service, PatchPolicy policy, bool allowDeletes, TextWriter output, CancellationToken cancellationToken)
    {
        var plan = await service.PlanAsync(policy, allowDeletes, cancellationToken);
        await output.WriteLineAsync(plan.Render());
        return 0;
    }

    private static async Task<int> ApplyAsync(PatchPolicyService service, PatchPolicy policy, bool allowDeletes, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await service.ApplyAsync(policy, allowDeletes, cancellationToken);
        await output.WriteLineAsync(result.Plan.Render());
        foreach (var change in result.Applied)
        {
            await output.WriteLineAsync($"applied: {change.Summary}");
        }

        foreach (var error in result.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }

        await output.WriteLineAsync(result.Succeeded
            ? $"Apply complete: {result.Applied.Count} change(s) written."
            : $"Apply stopped after {result.Applied.Count} of {result.Plan.Writes.Count} change(s).");
        return result.Succeeded ? 0 : 1;
    }

    private static async Task<TimeSpan?> DurationAsync(CliArguments options, string name, TimeSpan fallback, TextWriter output)
    {
        var text = options.One(name);
        try
        {
            var value = text is null ? fallback : XmlConvert.ToTimeSpan(text);
            if (value > TimeSpan.Zero)
            {
                return value;
            }
        }
        catch (FormatException)
        {
        }

        await output.WriteLineAsync($"{name} '{text}' is not a positive ISO 8601 duration such as PT15S");
        return null;
    }

    private static async Task<int> ApplyViaChangeAsync(
        PolicyChangeRunner runner, PatchPolicy policy, string desk, bool allowDeletes, CliArguments options, TextWriter output, CancellationToken cancellationToken)
    {
        if (await DurationAsync(options, "--approval-timeout", TimeSpan.FromHours(4), output) is not { } approvalTimeout
            || await DurationAsync(options, "--approval-poll-interval", TimeSpan.FromSeconds(15), output) is not { } pollInterval)
        {
            return 2;
        }

        var result = await runner.RunAsync(policy, desk, allowDeletes, approvalTimeout, pollInterval, cancellationToken);
        await output.WriteLineAsync(result.Plan.Render());
        if (result.Change is null)
        {
            await output.WriteLineAsync("SSM already matches the policy; no change raised.");
            return 0;
        }

        if (result.Refusal is not null)
        {
            await output.WriteLineAsync($"{result.Change}: {result.Refusal}");
            return 1;
        }

        foreach (var error in result.Apply!.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Change} closed {result.Outcome}: {result.Apply.Applied.Count} change(s) written; the plan is attached as evidence."));
        return result.Apply.Succeeded ? 0 : 1;
    }
}
