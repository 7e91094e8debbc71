using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Aws.Ec2;
using ChangeOrchestrator.Simulators.Aws.Faults;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;
using ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;
using ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;
using ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;
using ChangeOrchestrator.Simulators.Aws.Ssm.Tags;
using ChangeOrchestrator.Simulators.Aws.Timeline;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Aws;

/// <summary>
/// Everything one simulated account holds for one seed: the fleet, Run Command, Patch Manager and EC2
/// resources, and the timeline of changes still to come. Only touched under <see cref="AwsSimulation"/>'s lock.
/// </summary>
internal sealed class AwsWorld
{
    public AwsWorld(AwsSimulatorOptions options, SimulatorClock clock, AwsFaultInjector faults, int size, int seed)
    {
        Options = options;
        Clock = clock;
        Faults = faults;
        Seed = seed;
        var now = clock.UtcNow;
        Ids = new AwsIds(new Random(seed ^ 0x5EED));
        Fleet = FleetGenerator.Generate(options, size, seed, now);
        Baselines = new PatchBaselineStore(options.Region, now);
        Compliance = new PatchComplianceRecorder(Baselines);
        Commands = new RunCommandScheduler(this);
        Windows = new MaintenanceWindowScheduler(this);
        Calendars = new ChangeCalendarStore(options.Calendars, now);
        ResourceTags = new SsmResourceTags();
        Ec2 = new Ec2Resources(this);
    }

    public AwsSimulatorOptions Options { get; }

    public AwsDurationOptions Durations => Options.Durations;

    public SimulatorClock Clock { get; }

    public AwsFaultInjector Faults { get; }

    public int Seed { get; }

    public AwsIds Ids { get; }

    public SimulatedFleet Fleet { get; }

    public SimulationTimeline Timeline { get; } = new();

    public PatchBaselineStore Baselines { get; }

    public PatchComplianceRecorder Compliance { get; }

    public RunCommandScheduler Commands { get; }

    public MaintenanceWindowScheduler Windows { get; }

    public ChangeCalendarStore Calendars { get; }

    public SsmResourceTags ResourceTags { get; }

    public Ec2Resources Ec2 { get; }

    public HashSet<string> ResourceDataSyncs { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Clock.UtcNow;

    /// <summary>The real instant at which a simulated duration starting at <paramref name="from"/> ends.</summary>
    public DateTimeOffset After(DateTimeOffset from, TimeSpan simulated) => from + Clock.ToReal(simulated);

    public void AdvanceToNow() => Timeline.AdvanceTo(Clock.UtcNow);
}
