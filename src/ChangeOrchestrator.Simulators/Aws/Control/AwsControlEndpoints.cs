using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Aws.Faults;
using ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;
using ChangeOrchestrator.Simulators.Aws.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>
/// The out-of-band control API under <c>/sim/aws/_control</c>: reseed the fleet, arm faults, move agents and
/// instances between states, set change calendars, and read per-operation call counters. Not an AWS API.
/// </summary>
internal static class AwsControlEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/reset", Reset);
        group.MapGet("/fleet", Fleet);
        group.MapGet("/fleet/nodes", Nodes);
        group.MapPost("/faults/latency", (FaultRuleRequest body, AwsFaultInjector faults) => Arm(body, FaultKind.Latency, faults));
        group.MapPost("/faults/throttle", (FaultRuleRequest body, AwsFaultInjector faults) => Arm(body, FaultKind.Throttle, faults));
        group.MapPost("/faults/errors", (FaultRuleRequest body, AwsFaultInjector faults) => Arm(body, FaultKind.ServerError, faults));
        group.MapPost("/faults/agent-offline-after-reboot", (ResourceFaultRequest body, AwsSimulation simulation, AwsFaultInjector faults) =>
            AddAll(simulation, faults.OfflineAfterReboot, body.InstanceIds));
        group.MapPost("/faults/snapshot-error", (ResourceFaultRequest body, AwsSimulation simulation, AwsFaultInjector faults) =>
            AddAll(simulation, faults.SnapshotErrors, [.. body.InstanceIds ?? [], .. body.VolumeIds ?? []]));
        group.MapPost("/faults/image-failure", (ResourceFaultRequest body, AwsSimulation simulation, AwsFaultInjector faults) =>
            AddAll(simulation, faults.ImageFailures, body.InstanceIds));
        group.MapPost("/faults/root-volume-failure", (ResourceFaultRequest body, AwsSimulation simulation, AwsFaultInjector faults) =>
            AddAll(simulation, faults.RootVolumeFailures, body.InstanceIds));
        group.MapPost("/faults/script-failure", (ResourceFaultRequest body, AwsSimulation simulation, AwsFaultInjector faults) =>
            AddAll(simulation, faults.ScriptFailures, body.InstanceIds));
        group.MapPost("/faults/patch-failure", PatchFailure);
        group.MapDelete("/faults", (AwsSimulation simulation, AwsFaultInjector faults) => simulation.Execute(_ =>
        {
            faults.Clear();
            return TypedResults.NoContent();
        }));
        group.MapPost("/patches", PatchPublishing.Publish);
        group.MapPost("/agents", Agents);
        group.MapPost("/instances/state", InstanceState);
        group.MapPut("/calendars/{name}", Calendar);
        group.MapGet("/counters", (AwsCallCounters counters) => TypedResults.Ok(counters.Snapshot()));
        group.MapDelete("/counters", (AwsCallCounters counters, AwsRequestRateLimiter rates) =>
        {
            counters.Reset();
            rates.Reset();
            return TypedResults.NoContent();
        });
    }

    private static Results<NoContent, ValidationProblem> Reset(ResetFleetRequest? body, AwsSimulation simulation)
    {
        if (body?.Size is < 0 or > 120_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["size"] = ["Size must be between 0 and 120000."] });
        }

        simulation.Reset(body?.Size, body?.Seed);
        return TypedResults.NoContent();
    }

    private static Ok<Dictionary<string, object>> Fleet(AwsSimulation simulation) => TypedResults.Ok(simulation.Execute(world =>
    {
        var now = world.Now;
        var nodes = world.Fleet.Nodes;
        return new Dictionary<string, object>
        {
            ["size"] = nodes.Count,
            ["seed"] = world.Seed,
            ["managed"] = nodes.Count(n => n.IsManaged),
            ["hybrid"] = nodes.Count(n => n.IsHybrid),
            ["ec2"] = nodes.Count(n => n.Ec2 is not null),
            ["online"] = nodes.Count(n => n.IsManaged && n.IsOnline(now)),
            ["connectionLost"] = nodes.Count(n => n.IsManaged && !n.IsOnline(now)),
            ["byPatchGroup"] = nodes.GroupBy(n => n.PatchGroup ?? "").ToDictionary(g => g.Key, g => g.Count()),
            ["byPlatform"] = nodes.GroupBy(n => n.Os.Key).ToDictionary(g => g.Key, g => g.Count()),
        };
    }));

    private static Ok<List<FleetNodeSummary>> Nodes(AwsSimulation simulation, string? patchGroup, string? platform, bool? managed, int? limit) =>
        TypedResults.Ok(simulation.Execute(world =>
        {
            var now = world.Now;
            return world.Fleet.Nodes
                .Where(n => patchGroup is null || n.PatchGroup == patchGroup)
                .Where(n => platform is null || n.Os.PlatformType == platform || n.Os.Key == platform)
                .Where(n => managed is null || n.IsManaged == managed)
                .Take(limit ?? 1000)
                .Select(n => new FleetNodeSummary(n.InstanceId, n.Name, n.PatchGroup, n.Os.PlatformType, n.Os.PlatformName, n.IsManaged,
                    n.IsHybrid, n.PingStatus(now), n.Ec2?.State, [.. n.Ec2?.Volumes.Select(v => v.VolumeId) ?? []]))
                .ToList();
        }));

    private static Results<NoContent, ValidationProblem> Arm(FaultRuleRequest body, FaultKind kind, AwsFaultInjector faults)
    {
        if (body.Rate is < 0 or > 1 || body.Count is <= 0 || (kind == FaultKind.Latency && body.Milliseconds is null or < 0))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["fault"] = ["rate must be within 0..1, count positive, and latency needs milliseconds >= 0."],
            });
        }

        faults.Arm(new FaultRule
        {
            Kind = kind,
            Service = body.Service,
            Operation = body.Operation,
            RemainingCalls = body.Count,
            Rate = body.Rate ?? 1.0,
            Latency = TimeSpan.FromMilliseconds(body.Milliseconds ?? 0),
        });
        return TypedResults.NoContent();
    }

    private static Results<NoContent, ValidationProblem> AddAll(AwsSimulation simulation, HashSet<string> target, List<string>? ids)
    {
        if (ids is not { Count: > 0 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instanceIds"] = ["At least one id is required."] });
        }

        simulation.Execute(_ =>
        {
            target.UnionWith(ids);
            return true;
        });
        return TypedResults.NoContent();
    }

    private static Results<NoContent, ValidationProblem> PatchFailure(ResourceFaultRequest body, AwsSimulation simulation, AwsFaultInjector faults)
    {
        if (body.InstanceIds is not { Count: > 0 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instanceIds"] = ["At least one instance id is required."] });
        }

        simulation.Execute(_ =>
        {
            foreach (var id in body.InstanceIds)
            {
                faults.PatchFailures[id] = new HashSet<string>(body.KbIds ?? [], StringComparer.OrdinalIgnoreCase);
            }

            return true;
        });
        return TypedResults.NoContent();
    }

    private static Results<NoContent, ValidationProblem> Agents(AgentStatusRequest body, AwsSimulation simulation)
    {
        if (body.PingStatus is not ("Online" or "ConnectionLost"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pingStatus"] = ["PingStatus must be Online or ConnectionLost."] });
        }

        return simulation.Execute<Results<NoContent, ValidationProblem>>(world =>
        {
            var nodes = body.InstanceIds.Select(world.Fleet.Find).ToList();
            if (nodes.Contains(null))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instanceIds"] = ["Unknown instance id."] });
            }

            foreach (var node in nodes)
            {
                if (body.PingStatus == "Online")
                {
                    node!.Agent.Reconnect();
                }
                else
                {
                    node!.Agent.Disconnect(world.Now);
                }
            }

            return TypedResults.NoContent();
        });
    }

    private static Results<NoContent, ValidationProblem> InstanceState(InstanceStateRequest body, AwsSimulation simulation)
    {
        if (body.State is not ("running" or "stopped" or "terminated"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["State must be running, stopped or terminated."] });
        }

        return simulation.Execute<Results<NoContent, ValidationProblem>>(world =>
        {
            var nodes = body.InstanceIds.Select(world.Fleet.Find).ToList();
            if (nodes.Exists(n => n?.Ec2 is null))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instanceIds"] = ["Unknown EC2 instance id."] });
            }

            foreach (var node in nodes)
            {
                node!.Ec2!.State = body.State;
            }

            return TypedResults.NoContent();
        });
    }

    private static Results<NoContent, ValidationProblem> Calendar(string name, ChangeCalendarOptions body, AwsSimulation simulation)
    {
        if (body.DefaultState is not ("OPEN" or "CLOSED") || body.Events.Exists(e => e.End <= e.Start))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["calendar"] = ["DefaultState must be OPEN or CLOSED and every event must end after it starts."],
            });
        }

        simulation.Execute(world =>
        {
            world.Calendars.Put(ChangeCalendarStore.FromOptions(name, body));
            return true;
        });
        return TypedResults.NoContent();
    }
}
