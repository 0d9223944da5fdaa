using Slipway.Aws.Ecs;
using Slipway.Aws.Ssm;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// A Fargate task's secrets, kept out of its task definition (which <c>DescribeTaskDefinition</c> shows): each value
/// is stored as an SSM Parameter Store SecureString under <see cref="FargateNames.Secret"/>, tagged like the task,
/// and the container definition's <c>secrets</c> names only its ARN. The execution role fetches it at start and ECS
/// sets <c>NAME</c> inside the container, which the app reads as it does when no <c>NAME_FILE</c> is set.
/// </summary>
internal sealed class FargateSecrets(FargateContext context)
{
    /// <summary>
    /// Refuses, before any AWS call, a secret too large for a Standard parameter: Slipway stores in the free Standard tier
    /// on purpose (Advanced is paid per parameter and month), and the values it hands tasks (passwords, URLs) are small.
    /// </summary>
    /// <exception cref="AwsException">A value is over the limit: one sentence naming the secret, never its value.</exception>
    public static void CheckSizes(IReadOnlyDictionary<string, string>? secrets)
    {
        foreach (var (name, value) in secrets ?? new Dictionary<string, string>())
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
            if (bytes > SsmClient.StandardValueLimit)
            {
                throw new AwsException(
                    $"The secret {name} is {bytes} bytes, more than the {SsmClient.StandardValueLimit} an SSM Parameter Store Standard parameter holds: keep it under 4 KB, or give the task a large value another way (e.g. a file the app fetches from a bucket) — Slipway does not use the paid Advanced tier.");
            }
        }
    }

    /// <summary>Stores the secrets; on failure removes what it stored and rethrows.</summary>
    /// <returns>The container's secret references and the stored parameters' names, to remove with the task.</returns>
    public async Task<StoredSecrets> StoreAsync(
        string family, Ownership owner, IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string>? secrets, CancellationToken cancellationToken)
    {
        if (secrets is not { Count: > 0 })
        {
            return StoredSecrets.None;
        }

        var stored = new List<string>();
        var references = new List<EcsSecret>();
        try
        {
            foreach (var (name, value) in secrets.OrderBy(secret => secret.Key, StringComparer.Ordinal))
            {
                var parameter = FargateNames.Secret(owner, family, name);
                stored.Add(parameter);
                await context.Clients.Ssm.PutSecureStringAsync(parameter, value, tags, cancellationToken);
                references.Add(new EcsSecret(name, Arn(parameter)));
            }
        }
        catch (Exception exception)
        {
            // Whatever went wrong (an answer it could not read too), what was stored goes.
            CleanupFailedException.Attach(exception, await CleanupStep.RunAllAsync(RemoveStep(stored)));
            throw;
        }

        return new StoredSecrets(references, stored);
    }

    /// <summary>A clean-up step that deletes stored secrets, for <see cref="CleanupStep"/>; nothing to delete is fine.</summary>
    public (string What, Func<CancellationToken, Task> Step) RemoveStep(IReadOnlyList<string> names) =>
        ($"secrets {string.Join(", ", names)}", cancellationToken => names.Count == 0 ? Task.CompletedTask : context.Clients.Ssm.DeleteAsync(names, cancellationToken));

    /// <summary>Deletes the secrets earlier runs stored for the family (a replaced playground's), keeping <paramref name="keep"/>'s.</summary>
    public async Task RemoveEarlierRunsAsync(string app, string family, IReadOnlyList<string> keep, CancellationToken cancellationToken)
    {
        // Another installation may share the family's path (same app and branch, other domain): its tags keep it.
        var earlier = (await FindOwnedAsync(FargateNames.SecretsPath(app, family), app, branch: null, cancellationToken))
            .Select(secret => secret.Name)
            .Except(keep, StringComparer.Ordinal)
            .ToList();
        if (earlier.Count > 0)
        {
            await context.Clients.Ssm.DeleteAsync(earlier, cancellationToken);
        }
    }

    /// <summary>
    /// The stored secrets under <paramref name="path"/> that are this installation's, of the app (and branch, when one
    /// is given), with their tags: the path only narrows the candidates, the tags decide, as for task definitions.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Tags)>> FindOwnedAsync(
        string path, string app, string? branch, CancellationToken cancellationToken)
    {
        var owned = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var name in await context.Clients.Ssm.ListNamesUnderAsync(path, cancellationToken))
        {
            var tags = await context.Clients.Ssm.ListTagsAsync(name, cancellationToken);
            if (SlipwayTags.Owns(tags, app, branch, context.Installation))
            {
                owned.Add((name, tags));
            }
        }

        return owned;
    }

    // The parameter lives in the account of the task's execution role; without a readable ARN the name serves (same region).
    private string Arn(string parameter)
    {
        var parts = context.Settings.ExecutionRoleArn.Split(':');
        return parts is ["arn", { Length: > 0 } partition, "iam", _, { Length: > 0 } account, ..]
            ? $"arn:{partition}:ssm:{context.Clients.Region}:{account}:parameter{parameter}"
            : parameter;
    }
}

/// <summary>What <see cref="FargateSecrets.StoreAsync"/> stored: the container's references and the parameters' names.</summary>
internal sealed record StoredSecrets(IReadOnlyList<EcsSecret> References, IReadOnlyList<string> Names)
{
    public static readonly StoredSecrets None = new([], []);
}
