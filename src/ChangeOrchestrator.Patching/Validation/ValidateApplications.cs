using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Xml;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Validation;

/// <summary>
/// Checks that the applications on servers work: HTTP probes and/or a command run on each server through its agent.
/// The command of each attempt carries a token derived from the activity's idempotency key and the attempt, so a
/// re-run after a crash finds the run it sent; probes only read, so they are simply made again. Unhealthy servers are
/// checked again after a timer, until the attempts are used; the progress lives in the activity's state.
/// </summary>
[Activity("Checks the applications on each server with HTTP probes ({instanceId} in the URL) and/or shell lines run through SSM (AWS-RunShellScript, or AWS-RunPowerShellScript on Windows; exit 0 is healthy, sent once even across crashes); unhealthy servers are checked again after retryInterval until the attempts are used; continues on Unhealthy when any server still fails.", Category = "Validation")]
[Outcomes("Healthy", "Unhealthy")]
[Suspends]
public sealed class ValidateApplications(IHttpClientFactory httpClientFactory, IFleetCommands commands) : PatchingActivity<ValidateApplications.Input, ValidateApplications.Output>
{
    public const string HttpClientName = "validation-probes";

    /// <summary>The placeholder a probe URL may hold for the server's id.</summary>
    public const string InstanceIdPlaceholder = "{instanceId}";

    private const string ProgressKey = "progress";

    private const string RetryBookmark = "retry";

    /// <summary>Probes in flight at once: enough for a wave of servers, few enough not to look like an attack.</summary>
    private const int ProbeConcurrency = 16;

    /// <summary>The most of a body read to look for the expected text.</summary>
    private const int MaxBodyCharacters = 256 * 1024;

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var ids = Validate(context);
        context.BeginExecution();
        var progress = context.Read<ValidationProgress>(ProgressKey)
            ?? new ValidationProgress { Attempt = 1, Targets = ids, Results = new Dictionary<string, InstanceValidation>(StringComparer.Ordinal) };
        if (progress.WaitingForRetry)
        {
            progress = progress with
            {
                Attempt = progress.Attempt + 1,
                Targets = [.. progress.Targets.Where(id => !progress.Results[id].Healthy)],
                Command = null,
                WaitingForRetry = false,
            };
            PollSchedule.Restart(context);
        }

        Dictionary<string, InstanceRunResult>? commandResults = null;
        if (input.Command is { Count: > 0 } lines)
        {
            if (progress.Command is null)
            {
                var sent = await commands.StartCommandAsync(new FleetCommandRequest
                {
                    InstanceIds = progress.Targets,
                    Commands = lines,
                    ExecutionTimeout = input.CommandTimeout,
                    IdempotencyToken = IdempotencyTokens.From($"{context.IdempotencyKey}:{progress.Attempt}"),
                }, cancellationToken);
                context.Write(ProgressKey, progress with { Command = sent });
                context.Journal(
                    $"Attempt {progress.Attempt}: {(sent.FoundExisting ? "found the check command sent earlier" : "sent the check command")} to {sent.InstanceIds.Count} servers: {string.Join(", ", sent.CommandIds)}");
                return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
            }

            var status = await commands.GetCommandStatusAsync(progress.Command, cancellationToken);
            if (!status.IsDone)
            {
                context.Write(ProgressKey, progress);
                return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
            }

            commandResults = status.Instances.Select(InstanceRunResult.From)
                .Concat(progress.Command.NotRegisteredIds.Select(id => new InstanceRunResult { InstanceId = id, State = CommandState.Failed, StateDetails = "NotRegistered" }))
                .ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
        }

        var probes = await ProbeAsync(input, progress.Targets, cancellationToken);
        var results = new Dictionary<string, InstanceValidation>(progress.Results, StringComparer.Ordinal);
        foreach (var id in progress.Targets)
        {
            var command = commandResults?.GetValueOrDefault(id);
            var probed = probes.GetValueOrDefault(id) ?? [];
            results[id] = new InstanceValidation
            {
                InstanceId = id,
                Healthy = probed.TrueForAll(p => p.Healthy) && (commandResults is null || command is { State: CommandState.Success }),
                Attempt = progress.Attempt,
                Probes = probed,
                Command = command,
            };
        }

        var unhealthy = progress.Targets.Where(id => !results[id].Healthy).ToList();
        if (unhealthy.Count > 0 && progress.Attempt < input.Attempts)
        {
            context.Write(ProgressKey, progress with { Results = results, WaitingForRetry = true });
            context.Journal($"Attempt {progress.Attempt} of {input.Attempts}: {unhealthy.Count} of {progress.Targets.Count} servers unhealthy ({ServerList.Brief(unhealthy)}); checking them again in {XmlConvert.ToString(input.RetryInterval)}");
            return ActivityResult.Suspend(Bookmark.At(context.Now + input.RetryInterval, RetryBookmark));
        }

        var healthyIds = ids.Where(id => results[id].Healthy).ToList();
        var unhealthyIds = ids.Where(id => !results[id].Healthy).ToList();
        context.Journal($"{healthyIds.Count} of {ids.Count} servers healthy after {progress.Attempt} attempts{(unhealthyIds.Count > 0 ? "; unhealthy: " + ServerList.Brief(unhealthyIds) : "")}");
        return Outcome(unhealthyIds.Count == 0 ? "Healthy" : "Unhealthy", new Output
        {
            HealthyIds = healthyIds,
            UnhealthyIds = unhealthyIds,
            Results = [.. ids.Select(id => results[id])],
            AttemptsUsed = progress.Attempt,
        });
    }

    /// <summary>The distinct servers, once the inputs are known to make sense; refused before anything runs otherwise.</summary>
    private static List<string> Validate(ActivityContext<Input> context)
    {
        var input = context.Input;
        ActivityException Invalid(string problem) => new($"ValidateApplications '{context.ActivityId}': {problem}", isTransient: false);

        var ids = input.InstanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw Invalid("needs at least one instance id.");
        }

        var probes = input.HttpProbes ?? [];
        if (probes.Count == 0 && input.Command is not { Count: > 0 })
        {
            throw Invalid("needs httpProbes, a command, or both.");
        }

        for (var i = 0; i < probes.Count; i++)
        {
            if (ProbeUri(probes[i], ids[0]) is null)
            {
                throw Invalid($"httpProbes[{i}].url must be an absolute http(s) URL.");
            }
        }

        if (input.Attempts < 1)
        {
            throw Invalid($"attempts must be 1 or more, not {input.Attempts}.");
        }

        if (input.RetryInterval <= TimeSpan.Zero || input.ProbeTimeout <= TimeSpan.Zero || input.CommandTimeout <= TimeSpan.Zero)
        {
            throw Invalid("retryInterval, probeTimeout and commandTimeout must be positive.");
        }

        return ids;
    }

    /// <summary>Each server's probe results, in the order of the probes. A URL without the placeholder is probed once for all.</summary>
    private async Task<Dictionary<string, List<ProbeResult>>> ProbeAsync(Input input, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var probes = input.HttpProbes ?? [];
        var planned = ids.SelectMany(id => probes.Select((probe, index) => (Id: id, Index: index, Probe: probe, Uri: ProbeUri(probe, id)!))).ToList();
        var answers = new ConcurrentDictionary<(int Index, Uri Uri), ProbeResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ProbeConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(planned.Select(p => (p.Index, p.Probe, p.Uri)).Distinct(), parallel, async (probe, token) =>
            answers[(probe.Index, probe.Uri)] = await ProbeOnceAsync(probe.Probe, probe.Uri, input.ProbeTimeout, token));
        return planned
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Index).Select(p => answers[(p.Index, p.Uri)]).ToList(), StringComparer.Ordinal);
    }

    private async Task<ProbeResult> ProbeOnceAsync(HttpProbe probe, Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var shown = uri.GetLeftPart(UriPartial.Path);

        // The timeout bounds real network I/O, so it runs on the system clock rather than the engine's.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = (int)response.StatusCode;
            if (status != probe.ExpectedStatus)
            {
                return new ProbeResult { Url = shown, StatusCode = status, Healthy = false, Error = string.Create(CultureInfo.InvariantCulture, $"expected {probe.ExpectedStatus}, got {status}") };
            }

            if (!string.IsNullOrEmpty(probe.BodyContains))
            {
                var body = await ReadBodyAsync(response, limit.Token);
                if (!body.Contains(probe.BodyContains, StringComparison.Ordinal))
                {
                    return new ProbeResult { Url = shown, StatusCode = status, Healthy = false, Error = $"the body does not contain '{probe.BodyContains}'" };
                }
            }

            return new ProbeResult { Url = shown, StatusCode = status, Healthy = true };
        }
        catch (HttpRequestException ex)
        {
            return new ProbeResult { Url = shown, Healthy = false, Error = $"{ex.HttpRequestError}: {ex.InnerException?.Message ?? ex.Message}" };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult { Url = shown, Healthy = false, Error = $"no answer within {XmlConvert.ToString(timeout)}" };
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        var buffer = new char[MaxBodyCharacters];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }

    private static Uri? ProbeUri(HttpProbe probe, string instanceId) =>
        Uri.TryCreate(probe.Url.Replace(InstanceIdPlaceholder, Uri.EscapeDataString(instanceId), StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    public sealed record Input
    {
        [Description("The servers to check, e.g. the succeededIds of PatchInstances.")]
        public required IReadOnlyList<string> InstanceIds { get; init; }

        [Description("HTTP probes: [{ url (may hold {instanceId}), expectedStatus (200 by default), bodyContains }].")]
        public IReadOnlyList<HttpProbe>? HttpProbes { get; init; } = [];

        [Description("How long one probe may wait for its answer (ISO 8601); PT10S by default.")]
        public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(10);

        [Description("Lines run on each server through SSM (shell, or PowerShell on Windows); exit code 0 is healthy.")]
        public IReadOnlyList<string>? Command { get; init; }

        [Description("How long the command may run on a server before it counts as failed (ISO 8601); PT10M by default.")]
        public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

        [Description("How many times an unhealthy server is checked in all; 3 by default.")]
        public int Attempts { get; init; } = 3;

        [Description("The wait before unhealthy servers are checked again (ISO 8601); PT1M by default.")]
        public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMinutes(1);

        [Description("The first wait before reading the command's progress (ISO 8601); doubles on each poll.")]
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

        [Description("The longest wait between two polls of the command (ISO 8601).")]
        public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(1);
    }

    public sealed record Output
    {
        public required IReadOnlyList<string> HealthyIds { get; init; }

        [Description("Servers still failing a probe or the command after every attempt.")]
        public required IReadOnlyList<string> UnhealthyIds { get; init; }

        [Description("Per server: each probe's URL, status and error, and the command's state, exit code and output, from the last attempt that checked it.")]
        public required IReadOnlyList<InstanceValidation> Results { get; init; }

        [Description("Attempts made; fewer than attempts when every server was healthy sooner.")]
        public required int AttemptsUsed { get; init; }
    }
}
