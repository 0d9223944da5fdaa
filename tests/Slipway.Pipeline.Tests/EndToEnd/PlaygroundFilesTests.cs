using System.Net;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// <c>./build.sh SyncFiles --files-source …</c>, then <c>./build.sh Playground</c>: the playground serves the synced file
/// at its Drupal URL, from a copy of its own (what it writes there never reaches the store).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PlaygroundFilesTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task SyncedFile_IsServedByThePlayground_AtItsFilesUrl_WithTheSameBytes()
    {
        var app = Directory.CreateTempSubdirectory("slipway-e2e-filesapp-").FullName;
        var source = Directory.CreateTempSubdirectory("slipway-e2e-files-").FullName;
        try
        {
            await WriteAppAsync(app);
            var image = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0x00, 0x7F };
            Directory.CreateDirectory(Path.Combine(source, "pictures"));
            await File.WriteAllBytesAsync(Path.Combine(source, "pictures", "logo.png"), image);
            var branch = fixture.NewBranch("e2e-files");
            await IsolatedGit.RunAsync(app, "branch", branch);

            var sync = await fixture.BuildScript.RunAsync(["SyncFiles", "--app", app, "--files-source", source]);
            var run = await fixture.BuildScript.RunAsync(["Playground", "--app", app, "--branch", branch]);

            sync.ExitCode.Should().Be(0, sync.ToString());
            sync.Output.Should().Contain("1 copied, 0 removed, 0 unchanged");
            run.ExitCode.Should().Be(0, run.ToString());
            var playground = (await fixture.ContainersOfAsync(branch)).Single(c => c.Labels.GetValueOrDefault(Ownership.KindLabel) == "playground");
            var (status, body) = await GetAsync(playground.Id, playground.Labels["slipway:slug"], "/sites/default/files/pictures/logo.png");
            status.Should().Be(HttpStatusCode.OK);
            body.Should().Equal(image);
            (await GetAsync(playground.Id, playground.Labels["slipway:slug"], "/sites/default/files/pictures/missing.png")).Status.Should().Be(HttpStatusCode.NotFound);

            await DockerCommand.RunAsync("exec", playground.Id, "sh", "-c", "echo changed > /var/www/app/web/sites/default/files/pictures/logo.png");
            var stored = Directory.EnumerateFiles(Path.Combine(fixture.WorkDirectory, "files"), "logo.png", SearchOption.AllDirectories).Single();
            (await File.ReadAllBytesAsync(stored)).Should().Equal(image, "the playground writes to its own copy");

            var teardown = await fixture.BuildScript.RunAsync(["Teardown", "--app", app, "--branch", branch]);
            teardown.ExitCode.Should().Be(0, teardown.ToString());
        }
        finally
        {
            Directory.Delete(app, recursive: true);
            Directory.Delete(source, recursive: true);
        }
    }

    private static async Task WriteAppAsync(string app)
    {
        Directory.CreateDirectory(Path.Combine(app, "web", "sites", "default"));
        await File.WriteAllTextAsync(Path.Combine(app, "web", "index.php"), "<?php echo 'files site';\n");
        await File.WriteAllTextAsync(Path.Combine(app, "web", "sites", "default", "default.settings.php"), "<?php\n");
        await IsolatedGit.RunAsync(app, "init", "-q", "-b", "main");
        await IsolatedGit.RunAsync(app, "add", "-A");
        await IsolatedGit.RunAsync(app, "commit", "-q", "-m", "feat: a site with a files folder");
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string container, string slug, string path)
    {
        var port = (await fixture.Docker.InspectContainerAsync(container, CancellationToken.None)).HostPort(80)
            ?? throw new InvalidOperationException("The playground publishes no port.");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{path}");
        request.Headers.Host = $"{slug}.localhost:{port}";
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }
}
