using Amazon.Runtime;
using Slipway.Aws.Fargate;
using Slipway.Aws.Runtime;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// The moto AWS emulator on a free loopback port, started once for the AWS collection and stopped by its
/// process id. Credentials, region and endpoint reach the clients through <see cref="AwsClientOptions"/>,
/// never through the process environment.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    public const string Region = "eu-west-1";

    private PeerProcess? moto;
    private AwsRequestSender? sender;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<string> Subnets { get; private set; } = [];

    public string SecurityGroup { get; private set; } = "";

    internal MotoApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackPort.Free();
        moto = await PeerProcess.StartAsync("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString()], port);
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        sender = new AwsRequestSender(Options(), Region);
        Api = new MotoApi(sender);

        // moto makes up new default subnet ids at every start.
        Subnets = await Api.DefaultSubnetsAsync();
        SecurityGroup = await Api.DefaultSecurityGroupAsync();
    }

    public async Task DisposeAsync()
    {
        sender?.Dispose();
        if (moto is not null)
        {
            await moto.DisposeAsync();
        }
    }

    /// <summary>Client options that point every service at moto, with dummy credentials and quick retries.</summary>
    public AwsClientOptions Options(HttpMessageHandler? handler = null) => new()
    {
        Credentials = new BasicAWSCredentials("AKIDMOTOEXAMPLE", "moto-example-secret"),
        EndpointUrl = Endpoint,
        EnvironmentVariable = _ => null,
        HttpHandler = handler,
        Retry = new AwsRetryOptions(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)),
    };

    internal AwsClients Clients(HttpMessageHandler? handler = null) => new(Options(handler), Region);

    /// <summary>A cluster, hosted zone and names of its own for one test, so tests never see each other's resources.</summary>
    public async Task<MotoWorld> CreateWorldAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        var domain = $"{name}.example.com";
        await Api.CreateClusterAsync(name);
        var zoneId = await Api.CreateHostedZoneAsync(domain);
        return new MotoWorld(this, name, domain, zoneId);
    }
}

/// <summary>The resources one test works in: its own app name, cluster, zone, repository and log group.</summary>
public sealed record MotoWorld(MotoFixture Moto, string Name, string Domain, string ZoneId)
{
    public string App => $"app-{Name}";

    public string Cluster => Name;

    public string Repository => $"slipway/{Name}";

    public string LogGroup => $"/slipway/{Name}";

    public Ownership Owner(string branch = "feature/x", string run = "run-1") => new(App, branch, run);

    /// <summary>A platform on this world; each call is a separate instance, as another machine would have.</summary>
    /// <param name="installation">The installation the platform works for; null for none (as Doctor's checks).</param>
    public FargatePlatform Platform(AwsSettings? settings = null, IImageStore? imageStore = null, HttpMessageHandler? handler = null, List<string>? warnings = null, string? installation = null) =>
        new(settings ?? Settings, imageStore ?? new NoImageStore(), Moto.Options(handler), warning => warnings?.Add(warning), installation);

    /// <summary>Settings for this world, polling quickly, with the playground addressed privately (moto's ENIs have no public IP).</summary>
    public AwsSettings Settings => new()
    {
        Region = MotoFixture.Region,
        Cluster = Cluster,
        Subnets = Moto.Subnets,
        SecurityGroups = [Moto.SecurityGroup],
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/slipway-execution",
        LogGroup = LogGroup,
        EcrRepository = Repository,
        HostedZone = Domain,
        Domain = Domain,
        PlaygroundAddress = PlaygroundAddress.Private,
        TaskPolling = new PollingSchedule(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40)),
        PlaygroundPolling = new PollingSchedule(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40)),
    };
}
