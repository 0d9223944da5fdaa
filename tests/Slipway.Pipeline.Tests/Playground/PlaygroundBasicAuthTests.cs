using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Playground;

/// <summary>
/// Slipway's app image with basic auth on: a real playground container asks for credentials everywhere but on its
/// open paths (readiness, webhooks), and the password, handed over as a mounted file, shows in no inspect or history.
/// </summary>
public sealed class PlaygroundBasicAuthTests : IAsyncLifetime
{
    private const string User = "qa";
    private readonly string _password = "pw-" + Guid.NewGuid().ToString("N");
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-basic-auth-").FullName;
    private readonly DockerClient _docker = new(DockerEndpoint.FromEnvironment());
    private string? _container;

    private string Image => $"slipway-issue12-test/basic-auth:{_id}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _docker.RemoveContainerAsync(_container, force: true, removeVolumes: true, CancellationToken.None);
        }

        try
        {
            await _docker.RemoveImageAsync(Image, force: true, noPrune: false, CancellationToken.None);
        }
        catch (DockerException)
        {
            // Never built.
        }

        _docker.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Playground_WithBasicAuth_Answers401WithoutCredentials_200WithThem_AndItsOpenPathsWithout_PasswordNowhereToInspect()
    {
        var port = await StartPlaygroundAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var anonymous = await WhenServingAsync(client, "/");
        using var withCredentials = new HttpRequestMessage(HttpMethod.Get, "/");
        withCredentials.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{_password}")));
        using var authenticated = await client.SendAsync(withCredentials);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:guess")));
        using var guessed = await client.SendAsync(wrong);
        using var health = await client.GetAsync("/health.html");
        using var hook = await client.GetAsync("/hooks/deploy.html");

        anonymous.Should().Be(HttpStatusCode.Unauthorized);
        authenticated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await authenticated.Content.ReadAsStringAsync()).Should().Contain("the branch's home page");
        guessed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        health.StatusCode.Should().Be(HttpStatusCode.OK, "Slipway's readiness check asks without credentials");
        hook.StatusCode.Should().Be(HttpStatusCode.OK, "a webhook the app declares is called without credentials");
        (await DockerCommand.RunAsync("inspect", _container!)).Should().NotContain(_password);
        (await DockerCommand.RunAsync("history", "--no-trunc", Image)).Should().NotContain(_password);
        (await DockerCommand.RunAsync("image", "inspect", Image)).Should().NotContain(_password);
    }

    private async Task<int> StartPlaygroundAsync()
    {
        var context = Path.Combine(_folder, "context");
        Directory.CreateDirectory(Path.Combine(context, "vendor"));
        Directory.CreateDirectory(Path.Combine(context, "code", "web", "hooks"));
        // Everything the app image's Dockerfile copies in, as the pipeline's build context has it.
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("docker", "app")))
        {
            File.Copy(file, Path.Combine(context, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(context, "vendor", "autoload.php"), "<?php\n");
        File.WriteAllText(Path.Combine(context, "code", "web", "index.html"), "the branch's home page\n");
        File.WriteAllText(Path.Combine(context, "code", "web", "health.html"), "ok\n");
        File.WriteAllText(Path.Combine(context, "code", "web", "hooks", "deploy.html"), "hook\n");
        await _docker.BuildImageAsync(
            new DockerBuildRequest(BuildContext.FromFolder(context))
            {
                Tags = [Image],
                BuildArguments = new Dictionary<string, string> { ["BASE_IMAGE"] = "slipway-base/php-apache:8.2" },
            },
            onOutput: null,
            CancellationToken.None);

        var secrets = Directory.CreateDirectory(Path.Combine(_folder, "secrets"));
        var passwordFile = Path.Combine(secrets.FullName, "playground-password");
        await File.WriteAllTextAsync(passwordFile, _password + "\n");
        _container = await _docker.CreateContainerAsync(
            new ContainerCreateRequest(Image)
            {
                Name = $"slipway-issue12-test-basic-auth-{_id}",
                Environment = new Dictionary<string, string>
                {
                    ["SLIPWAY_BASIC_AUTH_USER"] = User,
                    ["SLIPWAY_BASIC_AUTH_OPEN_PATHS"] = "/health.html:/hooks",
                },
                Mounts = [new BindMount(passwordFile, "/run/secrets/slipway/playground-password", ReadOnly: true)],
                Ports = [new PortBinding(80)],
            },
            CancellationToken.None);
        await _docker.StartContainerAsync(_container, CancellationToken.None);
        var details = await _docker.InspectContainerAsync(_container, CancellationToken.None);
        return details.HostPort(80) ?? throw new InvalidOperationException("The playground published no port.");
    }

    // Apache takes a moment to listen: wait for its first answer (any), with a generous bound.
    private static async Task<HttpStatusCode> WhenServingAsync(HttpClient client, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(path);
                return response.StatusCode;
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
