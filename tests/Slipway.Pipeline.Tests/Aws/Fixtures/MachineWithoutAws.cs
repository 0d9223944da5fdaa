namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// The environment of a build.sh run on a machine with no AWS set-up: no credentials, region or profile in
/// the environment, AWS config and credentials files that do not exist, and no EC2 instance metadata to fall
/// back on. HOME stays, so that the build's own compile finds its NuGet packages.
/// </summary>
internal sealed class MachineWithoutAws : IDisposable
{
    private static readonly string[] AwsVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_ENDPOINT_URL",
    ];

    /// <summary>The runs' work folder, which also holds the AWS files that are never written.</summary>
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("slipway-no-aws-work-").FullName;

    /// <summary>The environment, with <paramref name="extra"/> variables set on top (empty means unset to AWS tools).</summary>
    public IReadOnlyDictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = AwsVariables.ToDictionary(name => name, _ => "");
        environment["AWS_CONFIG_FILE"] = Path.Combine(WorkDirectory, "no-aws-config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(WorkDirectory, "no-aws-credentials");
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    public void Dispose() => Directory.Delete(WorkDirectory, recursive: true);
}
