using ChangeOrchestrator.Simulators.Aws.Ec2;
using ChangeOrchestrator.Simulators.Aws.Ssm;

namespace ChangeOrchestrator.Simulators.Aws;

/// <summary>
/// One ServiceURL serves both services: SSM requests carry <c>X-Amz-Target: AmazonSSM.*</c> with a JSON body,
/// EC2 requests are form-encoded with <c>Action=</c>.
/// </summary>
internal sealed class AwsRequestRouter(SsmDispatcher ssm, Ec2Dispatcher ec2)
{
    public Task HandleAsync(HttpContext context) =>
        context.Request.Headers.TryGetValue("X-Amz-Target", out var target) && target.ToString().Length > 0
            ? ssm.HandleAsync(context, target.ToString())
            : ec2.HandleAsync(context);
}
