using System.Globalization;

namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>What every source has (section <c>Webhooks:&lt;desk&gt;</c>): the secrets that verify its deliveries.</summary>
public abstract class WebhookSourceOptions
{
    /// <summary>The section that holds one sub-section per desk.</summary>
    public const string Section = "Webhooks";

    /// <summary>At most two, so a secret can be rotated: add the new one, switch the sender, remove the old one.</summary>
    public const int MaxSecrets = 2;

    /// <summary>Below this a secret can be guessed or brute-forced offline from one signed delivery.</summary>
    public const int MinSecretLength = 16;

    /// <summary>Any of these verifies a delivery; none configured means the source's endpoint accepts nothing.</summary>
    public List<string> Secrets { get; set; } = [];

    public bool IsConfigured => Secrets.Count > 0;

    /// <summary>What is wrong with the secrets, each message naming its key under <paramref name="key"/> (e.g. <c>Webhooks:Jira</c>).</summary>
    public IEnumerable<string> SecretProblems(string key)
    {
        if (Secrets.Count > MaxSecrets)
        {
            yield return Invariant($"{key}:Secrets holds {Secrets.Count} secrets; at most {MaxSecrets} may be active (the current one and the one being rotated out).");
        }

        for (var i = 0; i < Secrets.Count; i++)
        {
            if (Secrets[i].Length < MinSecretLength)
            {
                yield return Invariant($"{key}:Secrets:{i} must be at least {MinSecretLength} characters long.");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
