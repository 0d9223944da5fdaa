namespace Slipway.Aws.Fargate;

/// <summary>
/// A Fargate task's secrets. Known limit: they go into the task definition's environment, which
/// <c>DescribeTaskDefinition</c> shows to whoever may call it (ECS <c>secrets</c> from SSM Parameter Store are
/// the next step, see docs/security.md). The app reads them as <c>NAME</c>, as it does when no <c>NAME_FILE</c> is set.
/// </summary>
internal static class FargateSecrets
{
    public static IReadOnlyDictionary<string, string>? WithEnvironment(IReadOnlyDictionary<string, string>? environment, IReadOnlyDictionary<string, string>? secrets)
    {
        if (secrets is not { Count: > 0 })
        {
            return environment;
        }

        var combined = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        foreach (var (name, value) in secrets)
        {
            combined[name] = value;
        }

        return combined;
    }
}
