using System.Globalization;
using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>
/// Builds a fleet from a seed: the same seed, size and options give the same servers, ids, tags and patch state.
/// Node i keeps its ids whatever the size, so a larger fleet extends a smaller one.
/// </summary>
internal static class FleetGenerator
{
    private static readonly string[] Environments = ["Dev", "Test", "Prod"];

    private static readonly string[] Applications =
    [
        "payments", "web-portal", "inventory-db", "reporting-sql", "crm", "hr-portal", "identity", "search",
        "data-warehouse-db", "intranet-web",
    ];

    private static readonly string[] AgentVersions = ["3.3.1142.0", "3.3.1142.0", "3.3.1142.0", "3.3.987.0", "3.2.2303.0"];

    public static string LatestAgentVersion => AgentVersions[0];

    public static SimulatedFleet Generate(AwsSimulatorOptions options, int size, int seed, DateTimeOffset now)
    {
        var catalogs = OperatingSystemProfiles.All.ToDictionary(os => os.Key, os => PatchCatalog.For(os, now), StringComparer.Ordinal);
        var random = new Random(seed);
        var ids = new AwsIds(random);
        var zones = new[] { "a", "b", "c" };
        var nodes = new List<FleetNode>(size);
        var sequence = new Dictionary<(string, string), int>();

        for (var index = 0; index < size; index++)
        {
            var environment = Pick(random, [0.30, 0.25, 0.45], Environments);
            var os = PickOs(random, options.WindowsShare);
            var application = Applications[random.Next(Applications.Length)];
            var number = sequence[(environment, application)] = sequence.GetValueOrDefault((environment, application)) + 1;
            var name = string.Create(CultureInfo.InvariantCulture, $"{environment.ToLowerInvariant()}-{application}-{number:00}");
            var hybrid = random.NextDouble() < options.HybridShare;
            var managed = hybrid || random.NextDouble() >= options.UnmanagedShare;
            var offline = managed && random.NextDouble() < options.OfflineAgentShare;
            var neverScanned = random.NextDouble() < options.NeverScannedShare;
            var envOctet = Array.IndexOf(Environments, environment) + 1;
            var ip = hybrid
                ? string.Create(CultureInfo.InvariantCulture, $"192.168.{(index / 250) % 256}.{(index % 250) + 4}")
                : string.Create(CultureInfo.InvariantCulture, $"10.{envOctet}.{(index / 250) % 256}.{(index % 250) + 4}");
            var privateDns = "ip-" + ip.Replace('.', '-') + ".ec2.internal";
            var launch = now.AddDays(-random.Next(30, 900)).AddMinutes(-random.Next(0, 1440));
            var lastContact = now.AddDays(-random.Next(1, 30)).AddMinutes(-random.Next(0, 1440));
            var lastPatched = now.AddDays(-random.Next(3, 150)).AddMinutes(-random.Next(0, 1440));
            if (offline && lastPatched > lastContact.AddDays(-1))
            {
                lastPatched = lastContact.AddDays(-1);
            }

            var scanCeiling = offline ? lastContact : now;
            var scanAt = scanCeiling.AddHours(-random.Next(1, 168));
            if (scanAt <= lastPatched)
            {
                scanAt = lastPatched.AddHours(1);
            }

            var instanceId = hybrid ? AwsIds.FromIndex("mi-", seed, index, 1) : AwsIds.FromIndex("i-", seed, index, 0);
            var computerName = hybrid ? $"{name}.dc1.corp.example.com"
                : os.IsWindows ? ToNetBiosName(name) + ".corp.example.com"
                : privateDns;
            var registered = hybrid ? launch : launch.AddMinutes(3);
            var node = new FleetNode
            {
                InstanceId = instanceId,
                Os = os,
                Catalog = catalogs[os.Key],
                Name = name,
                Environment = environment,
                Application = application,
                ComputerName = computerName,
                IpAddress = ip,
                AgentVersion = AgentVersions[random.Next(AgentVersions.Length)],
                IsManaged = managed,
                RegisteredAt = registered,
                PatchSeed = random.Next(),
                LastPatchedAt = lastPatched,
                InitialScanAt = neverScanned || !managed ? null : scanAt,
                Ec2 = hybrid ? null : NewInstance(random, os, seed, index, environment, zones, privateDns, launch, options.Region),
                Hybrid = hybrid
                    ? new HybridRegistration(ids.Guid(), "service-role/AmazonEC2RunCommandRoleForManagedInstances", registered, name)
                    : null,
            };
            node.Tags["Name"] = name;
            node.Tags["Environment"] = environment;
            node.Tags["Patch Group"] = environment;
            node.Tags["Owner"] = $"{application.Split('-')[0]}-team@example.com";
            node.Tags["Application"] = application;
            if (offline)
            {
                node.Agent.Disconnect(lastContact);
            }

            if (node.Ec2 is { } ec2)
            {
                AddVolumes(random, node, ec2, seed, index);
            }

            nodes.Add(node);
        }

        return new SimulatedFleet(nodes, catalogs);
    }

    private static Ec2InstanceDetails NewInstance(
        Random random, OperatingSystemProfile os, int seed, int index, string environment, string[] zones, string privateDns,
        DateTimeOffset launch, string region)
    {
        string[] types = environment switch
        {
            "Dev" => ["t3.medium", "t3.large"],
            "Test" => ["m5.large", "t3.large"],
            _ => ["m5.xlarge", "r5.xlarge", "c5.2xlarge", "m6i.2xlarge"],
        };
        var vpc = AwsIds.FromIndex("vpc-", StableHash.Of(environment), 0, 9);
        var zone = zones[index % zones.Length];
        return new Ec2InstanceDetails
        {
            ReservationId = AwsIds.FromIndex("r-", seed, index, 4),
            InstanceType = types[random.Next(types.Length)],
            AvailabilityZone = region + zone,
            SubnetId = AwsIds.FromIndex("subnet-", StableHash.Of(environment + zone), 0, 7),
            VpcId = vpc,
            PrivateDnsName = privateDns,
            SecurityGroupId = AwsIds.FromIndex("sg-", StableHash.Of(environment), 0, 8),
            SecurityGroupName = $"{environment.ToLowerInvariant()}-servers",
            LaunchTime = launch,
            RootDeviceName = os.RootDeviceName,
        };
    }

    private static void AddVolumes(Random random, FleetNode node, Ec2InstanceDetails ec2, int seed, int index)
    {
        var attach = ec2.LaunchTime.AddSeconds(5);
        var rootId = AwsIds.FromIndex("vol-", seed, index, 5);
        var root = new EbsVolume
        {
            VolumeId = rootId,
            DeviceName = node.Os.RootDeviceName,
            SizeGiB = node.Os.RootVolumeGiB + (node.Os.IsWindows ? 20 * random.Next(0, 3) : 0),
            AttachTime = attach,
            IsRoot = true,
            RootLineage = rootId,
            Encrypted = node.Environment == "Prod",
        };
        root.Tags["Name"] = node.Name + "-root";
        root.Tags["Environment"] = node.Environment;
        ec2.Volumes.Add(root);

        var dataVolumes = random.NextDouble() < 0.15 ? 2 : 1;
        for (var i = 0; i < dataVolumes; i++)
        {
            var device = i == 0 ? node.Os.DataDeviceName : node.Os.DataDeviceName[..^1] + "g";
            var data = new EbsVolume
            {
                VolumeId = AwsIds.FromIndex("vol-", seed, index, 6 + i),
                DeviceName = device,
                SizeGiB = 50 * random.Next(2, 21),
                AttachTime = attach,
                IsRoot = false,
                RootLineage = "",
                Encrypted = node.Environment == "Prod",
            };
            data.Tags["Name"] = $"{node.Name}-data{i + 1}";
            data.Tags["Environment"] = node.Environment;
            ec2.Volumes.Add(data);
        }
    }

    private static OperatingSystemProfile PickOs(Random random, double windowsShare)
    {
        var roll = random.NextDouble();
        if (roll < windowsShare)
        {
            return roll < windowsShare / 2 ? OperatingSystemProfiles.WindowsServer2019 : OperatingSystemProfiles.WindowsServer2022;
        }

        var linux = (roll - windowsShare) / Math.Max(1e-9, 1 - windowsShare);
        return linux < 0.5 ? OperatingSystemProfiles.AmazonLinux2023
            : linux < 0.8 ? OperatingSystemProfiles.Ubuntu2204
            : OperatingSystemProfiles.RedHat9;
    }

    private static string Pick(Random random, double[] weights, string[] values)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private static string ToNetBiosName(string name)
    {
        var compact = name.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length <= 15 ? compact : compact[..12] + compact[^3..];
    }
}
