using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>Checks every configured key at start-up; each message names the key's configuration path.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var path = $"{AuthOptions.Section}:ApiKeys:{i}";
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(key, new ValidationContext(key), results, validateAllProperties: true);
            failures.AddRange(results.Select(r => $"{path}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            foreach (var role in key.Roles.Where(r => !Roles.All.Contains(r)))
            {
                failures.Add($"{path}:Roles: '{role}' is not one of {string.Join(", ", Roles.All)}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
