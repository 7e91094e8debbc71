using ChangeOrchestrator.Simulators.Jira.Site;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira;

/// <summary>Checks what data annotations cannot: accounts, workflow references, field ids, seeded webhooks.</summary>
internal sealed class JiraSimulatorOptionsValidator : IValidateOptions<JiraSimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, JiraSimulatorOptions options)
    {
        var errors = new List<string>();
        JiraSiteBuilder.TryBuild(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
