using System.Net;
using Slipway.Docker.Platform;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Platform;

/// <summary>
/// Secrets reach tasks and services as files named by <c>NAME_FILE</c>: the process inside reads them, while
/// <c>docker inspect</c> (the container's environment and configuration) never shows their value.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DockerPlatformSecretTests(DockerFixture docker)
{
    private const string Password = "pw-never-inspected-5127";

    private DockerPlatform Platform => new(docker.Client, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = docker.TestLabels });

    private Ownership Owner { get; } = new("secret-test", "feature/secrets", Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task StartTaskAsync_WithSecrets_TheTaskReadsThemFromFilesAndInspectShowsNoValue()
    {
        var spec = new TaskSpec(
            "tests",
            docker.BaseImage,
            TaskKind.Tests,
            Owner,
            Command: ["sh", "-c", "echo \"file=$DB_PASSWORD_FILE\"; echo \"value=$(cat \"$DB_PASSWORD_FILE\")\"; echo \"mode=$(stat -c %a \"$DB_PASSWORD_FILE\")\"; echo \"plain=${DB_PASSWORD:-unset}\""],
            Environment: new Dictionary<string, string> { ["DB_USER"] = "shop" },
            Secrets: new Dictionary<string, string> { ["DB_PASSWORD"] = Password });

        await using var run = await Platform.StartTaskAsync(spec, CancellationToken.None);
        (await run.WaitAsync(CancellationToken.None)).ExitCode.Should().Be(0);
        var log = new List<string>();
        await foreach (var page in run.ReadLogAsync(CancellationToken.None))
        {
            log.AddRange(page.Select(line => line.Text));
        }

        log.Should().Contain([$"file={TaskSecrets.Folder}/DB_PASSWORD", $"value={Password}", "mode=444", "plain=unset"]);
        var inspected = await DockerCommand.RunAsync("inspect", run.Id);
        inspected.Should().NotContain(Password).And.Contain("DB_PASSWORD_FILE=/run/slipway-secrets/DB_PASSWORD").And.Contain("DB_USER=shop");
    }

    [Fact]
    public async Task StartServiceAsync_WithSecrets_TheServiceReadsThemAndInspectShowsNoValue()
    {
        var slug = "secret-" + docker.TestId[..8];
        var spec = new ServiceSpec(
            slug,
            docker.BaseImage,
            Owner,
            Secrets: new Dictionary<string, string> { ["DATABASE_URL"] = $"mysql://shop:{Password}@db:3306/shop" });
        // The service shows what it read, so that the test sees it the way a browser would.
        var image = await ServiceThatShowsAsync("$DATABASE_URL_FILE");

        var endpoint = await Platform.StartServiceAsync(spec with { Image = image }, CancellationToken.None);

        (await GetWhenReadyAsync(endpoint, "/secret.txt")).Should().Be($"mysql://shop:{Password}@db:3306/shop");
        (await DockerCommand.RunAsync("inspect", endpoint.ResourceId)).Should().NotContain(Password);
    }

    [Fact]
    public async Task StartTaskAsync_SecretNameThatIsNotAVariableName_IsRefusedBeforeAnythingRuns()
    {
        var spec = new TaskSpec("bad", docker.BaseImage, TaskKind.Tests, Owner, ["true"], Secrets: new Dictionary<string, string> { ["../etc/passwd"] = "x" });

        var start = () => Platform.StartTaskAsync(spec, CancellationToken.None);

        (await start.Should().ThrowAsync<ArgumentException>()).WithMessage("*'../etc/passwd' is not an upper-case variable name*");
        (await docker.Client.ListContainersAsync(Owner.ToLabels("tests"), CancellationToken.None)).Should().BeEmpty();
    }

    private async Task<string> ServiceThatShowsAsync(string fileVariable)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "Dockerfile"), $$"""
            FROM {{docker.BaseImage}}
            CMD ["sh", "-c", "cat \"{{fileVariable}}\" > /www/secret.txt; exec httpd -f -p 80 -h /www"]
            """);
        var tag = $"slipway-test/secret-service:{docker.TestId[..12]}";
        var request = new Slipway.Docker.Engine.DockerBuildRequest(Slipway.Docker.Build.BuildContext.FromFolder(folder.Path)) { Tags = [tag], Labels = docker.TestLabels };
        await docker.Client.BuildImageAsync(request, onOutput: null, CancellationToken.None);
        return tag;
    }

    private static async Task<string> GetWhenReadyAsync(ServiceEndpoint endpoint, string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint.ProbeUrl, path));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                // httpd is not listening yet.
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{endpoint.ProbeUrl}{path} never answered 200.");
            }

            await Task.Delay(200);
        }
    }
}
