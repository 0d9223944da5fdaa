using Slipway.Docker.Engine;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// The AWS world a pipeline on <c>--platform aws</c> needs, built on this machine: moto with a cluster, default
/// subnets, a security group and a hosted zone; a local registry standing in for the ECR host; a loopback
/// stand-in for the playground's address; a recorder in front of CloudWatch Logs; a work folder. Builds and
/// images are real, on the local engine; what the tests' branches leave there is removed at the end, by label.
/// </summary>
public sealed class AwsPipelineFixture : IAsyncLifetime
{
    /// <summary>The bundled example app's name, which prefixes its task families and log streams.</summary>
    public const string App = "drupal-site";

    public const string Cluster = "slipway-e2e";

    public const string HostedZone = "aws-e2e.example.com";

    /// <summary>Playgrounds are named under a domain inside the zone: https://&lt;slug&gt;.pr.aws-e2e.example.com/.</summary>
    public const string Domain = "pr.aws-e2e.example.com";

    public const string Repository = "slipway/drupal-site";

    public const string LogGroup = "/slipway/e2e";

    /// <summary>Small enough that every task log takes several GetLogEvents pages.</summary>
    public const int LogPageSize = 4;

    private readonly List<string> _branches = [];
    private IReadOnlyList<string> _subnets = [];
    private string _securityGroup = "";

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("slipway-aws-e2e-").FullName;

    public BuildScript BuildScript => new(WorkDirectory);

    /// <summary>The hosted zone's id in moto (without /hostedzone/).</summary>
    public string ZoneId { get; private set; } = "";

    internal MotoServer Moto { get; private set; } = null!;

    internal LocalRegistry Registry { get; private set; } = null!;

    internal PlaygroundStandIn Playground { get; private set; } = null!;

    internal MotoRecorder Logs { get; private set; } = null!;

    internal AwsCli Aws => Moto.Cli;

    /// <summary>The options of a build.sh run on AWS: the platform and every setting, as a user passes them.</summary>
    public IReadOnlyList<string> AwsArguments =>
    [
        "--platform", "aws",
        "--aws-cluster", Cluster,
        "--aws-subnets", string.Join(',', _subnets),
        "--aws-security-groups", _securityGroup,
        "--aws-execution-role-arn", "arn:aws:iam::123456789012:role/slipway-task-execution",
        "--aws-ecr-repository", Repository,
        "--aws-log-group", LogGroup,
        "--aws-log-page-size", LogPageSize.ToString(),
        "--aws-hosted-zone", HostedZone,
        "--aws-domain", Domain,

        // moto's task interfaces have a private address only, and nothing answers there.
        "--aws-playground-address", "private",
        "--aws-playground-probe-url", Playground.Url.ToString(),
        "--aws-registry-host", Registry.Host,
    ];

    /// <summary>
    /// The environment of a build.sh run on AWS: moto's endpoint, region and (any) credentials as every AWS
    /// tool reads them, with CloudWatch Logs through the recorder.
    /// </summary>
    public IReadOnlyDictionary<string, string> AwsEnvironment => new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDSLIPWAYTESTS",
        ["AWS_SECRET_ACCESS_KEY"] = "slipway-tests-not-a-secret",
        ["AWS_REGION"] = MotoServer.Region,
        ["AWS_ENDPOINT_URL"] = Moto.Endpoint.ToString(),
        ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = Logs.Url.ToString(),
    };

    /// <summary>A branch name no other test run uses; what it leaves in the local engine is removed at the end.</summary>
    public string NewBranch(string stem)
    {
        var branch = $"{stem}/{Guid.NewGuid().ToString("N")[..6]}";
        _branches.Add(branch);
        return branch;
    }

    /// <summary>
    /// moto's ECR has no registry behind it, so a push reaches only the local registry. This records every
    /// tag of a branch (by its slug) pushed there and not recorded yet in moto's ECR, as ECR records a push, so that teardown has images to find and delete.
    /// </summary>
    public async Task<IReadOnlyList<string>> RecordPushesInEcrAsync(string slug)
    {
        var tags = (await Registry.TagsAsync(Repository)).Where(tag => tag.StartsWith(slug + "-", StringComparison.Ordinal)).ToList();
        var recorded = (await Aws.RunAsync("ecr", "describe-images", "--repository-name", Repository))!["imageDetails"]!.AsArray()
            .SelectMany(image => image!["imageTags"]?.AsArray().Select(tag => tag!.GetValue<string>()) ?? [])
            .ToHashSet();
        foreach (var tag in tags.Where(tag => !recorded.Contains(tag)))
        {
            var manifest = await Registry.ManifestAsync(Repository, tag);
            await Aws.RunAsync("ecr", "put-image", "--repository-name", Repository, "--image-tag", tag, "--image-manifest", manifest);
        }

        return tags;
    }

    public async Task InitializeAsync()
    {
        Moto = await MotoServer.StartAsync();
        Registry = await LocalRegistry.StartAsync();
        Playground = new PlaygroundStandIn();
        Logs = new MotoRecorder(Moto.Endpoint);

        // RUNNING to STOPPED in four steps of at least 3 s: the test writes a task's log well before it stops.
        await Moto.SlowTasksDownAsync(TimeSpan.FromSeconds(3));
        await Aws.RunAsync("ecs", "create-cluster", "--cluster-name", Cluster);
        var zone = await Aws.RunAsync("route53", "create-hosted-zone", "--name", HostedZone, "--caller-reference", Guid.NewGuid().ToString("N"));
        ZoneId = zone!["HostedZone"]!["Id"]!.GetValue<string>().Replace("/hostedzone/", "", StringComparison.Ordinal);

        // moto makes up new default subnet ids at every start.
        _subnets = (await Aws.RunAsync("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true"))!["Subnets"]!.AsArray()
            .Select(subnet => subnet!["SubnetId"]!.GetValue<string>())
            .ToList();
        _securityGroup = (await Aws.RunAsync("ec2", "describe-security-groups", "--filters", "Name=group-name,Values=default"))!["SecurityGroups"]![0]!["GroupId"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        await RemoveLocalLeftoversAsync();
        await Logs.DisposeAsync();
        await Playground.DisposeAsync();
        await Registry.DisposeAsync();
        await Moto.DisposeAsync();
        Directory.Delete(WorkDirectory, recursive: true);
    }

    // The builds, images and pushed references of the tests' branches, found by their slipway:branch label: what a
    // test that failed before its Teardown left. Images are tried again while a round removes some (an app image
    // goes only after the tests image built on it), and one that will not go does not keep the rest.
    private async Task RemoveLocalLeftoversAsync()
    {
        using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
        var images = new List<string>();
        foreach (var labels in _branches.Select(branch => new Dictionary<string, string> { [Ownership.BranchLabel] = branch }))
        {
            foreach (var container in await docker.ListContainersAsync(labels, CancellationToken.None))
            {
                await RemoveQuietlyAsync(() => docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None));
            }

            images.AddRange((await docker.ListImagesAsync(labels, CancellationToken.None)).Select(image => image.Id));
        }

        for (var left = images.Count; left > 0;)
        {
            var refused = new List<string>();
            foreach (var image in images)
            {
                if (!await RemoveQuietlyAsync(() => docker.RemoveImageAsync(image, force: true, noPrune: false, CancellationToken.None)))
                {
                    refused.Add(image);
                }
            }

            images = refused;
            left = refused.Count < left ? refused.Count : 0;
        }
    }

    private static async Task<bool> RemoveQuietlyAsync(Func<Task> remove)
    {
        try
        {
            await remove();
            return true;
        }
        catch (DockerException exception)
        {
            return exception.IsNotFound;
        }
    }
}
