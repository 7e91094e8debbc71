namespace ChangeOrchestrator.Simulators.Aws.Configuration;

/// <summary>How long things take in the simulated world; the simulator clock's TimeScale shrinks them to real time.</summary>
public sealed class AwsDurationOptions
{
    /// <summary>From SendCommand until targets are resolved and invocations exist.</summary>
    public TimeSpan CommandDispatch { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>From dispatch to an online agent until the invocation is InProgress.</summary>
    public TimeSpan InvocationStart { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Scan { get; set; } = TimeSpan.FromSeconds(90);

    public TimeSpan InstallBase { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan InstallPerPatch { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Reboot { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Run time of AWS-RunShellScript and AWS-RunPowerShellScript invocations.</summary>
    public TimeSpan ScriptRun { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Execution timeout of a document step: an invocation still running then ends TimedOut.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>From CancelCommand until Cancelling invocations are Cancelled.</summary>
    public TimeSpan Cancel { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Lag between an invocation's end and its patch compliance being visible.</summary>
    public TimeSpan ComplianceReportLag { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan SnapshotBase { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan SnapshotPerGiB { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time an image stays pending after its snapshots complete.</summary>
    public TimeSpan ImageRegistration { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan ReplaceRootVolume { get; set; } = TimeSpan.FromMinutes(4);
}
