using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// <c>./build.sh Playground</c> of an app whose <c>.slipway.yml</c> asks for basic auth: the password is Slipway's
/// (<c>SLIPWAY_PLAYGROUND_PASSWORD</c>), the playground asks for it everywhere but on its readiness and webhook paths,
/// and it shows nowhere: not in <c>docker inspect</c>, the build's output or the run's report.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BasicAuthPlaygroundTests(EndToEndFixture fixture)
{
    private const string User = "qa";

    [Fact]
    public async Task Playground_OfAnAppAskingForBasicAuth_Answers401Without_200WithTheCredentials_ReadinessAndHooksOpen_PasswordNowhere()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var app = await WriteAppAsync();
        try
        {
            var branch = fixture.NewBranch("e2e-basic-auth");
            await IsolatedGit.RunAsync(app, "branch", branch);

            var run = await fixture.BuildScript.RunAsync(
                ["Playground", "--app", app, "--branch", branch], new Dictionary<string, string> { ["SLIPWAY_PLAYGROUND_PASSWORD"] = password });

            run.ExitCode.Should().Be(0, run.ToString());
            var playground = (await fixture.ContainersOfAsync(branch)).Single(c => c.Labels.GetValueOrDefault(Ownership.KindLabel) == "playground");
            var page = await PageAsync(playground.Id, playground.Labels["slipway:slug"]);
            (await page("/", null)).Status.Should().Be(HttpStatusCode.Unauthorized);
            (await page("/", "guess")).Status.Should().Be(HttpStatusCode.Unauthorized);
            (await page("/", password)).Should().Be((HttpStatusCode.OK, "the branch's home page"));
            (await page("/health.php", null)).Should().Be((HttpStatusCode.OK, "healthy"), "the readiness path answers without credentials");
            (await page("/hooks/github.php", null)).Should().Be((HttpStatusCode.OK, "hook"), "an open path of .slipway.yml answers without credentials");
            (await DockerCommand.RunAsync("inspect", playground.Id)).Should().Contain("SLIPWAY_BASIC_AUTH_PASSWORD_FILE").And.NotContain(password);
            (await page("/peek.php", password)).Should().Be((HttpStatusCode.OK, "variable=;file="), "the branch's PHP code cannot read the shared password");
            run.Output.Should().NotContain(password);
            foreach (var file in Directory.EnumerateFiles(EndToEndFixture.RunFolderIn(run), "*", SearchOption.AllDirectories))
            {
                (await File.ReadAllTextAsync(file)).Should().NotContain(password, $"{file} is part of the run's report");
            }
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    [Fact]
    public async Task Playground_OfAnAppAskingForBasicAuth_WithoutAPassword_StopsWithOneSentenceBeforeAnythingIsBuilt()
    {
        var app = await WriteAppAsync();
        try
        {
            var branch = fixture.NewBranch("e2e-basic-auth-nopw");
            await IsolatedGit.RunAsync(app, "branch", branch);

            var run = await fixture.BuildScript.RunAsync("Playground", "--app", app, "--branch", branch);

            run.ExitCode.Should().NotBe(0, run.ToString());
            run.Output.Should().Contain(
                "The app asks for basic auth on its playground (playground.basic_auth in .slipway.yml) but Slipway has no password for it: " +
                $"set SLIPWAY_PLAYGROUND_PASSWORD (or SLIPWAY_PLAYGROUND_PASSWORD_FILE, a file that holds it) where Slipway runs, then build {branch} again.");
            run.Output.Should().NotContain("Baking", "nothing is built for a playground that could not be protected");
            (await fixture.ImagesOfAsync(branch)).Should().BeEmpty();
            (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    /// <summary>A plain PHP app: a home page, a health page (its readiness path) and a webhook, basic auth for user qa.</summary>
    private static async Task<string> WriteAppAsync()
    {
        var app = Directory.CreateTempSubdirectory("slipway-e2e-authapp-").FullName;
        Directory.CreateDirectory(Path.Combine(app, "web", "hooks"));
        await File.WriteAllTextAsync(Path.Combine(app, "web", "index.php"), "<?php echo \"the branch's home page\";\n");
        await File.WriteAllTextAsync(Path.Combine(app, "web", "health.php"), "<?php echo 'healthy';\n");
        await File.WriteAllTextAsync(Path.Combine(app, "web", "hooks", "github.php"), "<?php echo 'hook';\n");
        // What the branch's own code could learn of the password: its variable, or the secret file.
        await File.WriteAllTextAsync(Path.Combine(app, "web", "peek.php"),
            "<?php echo 'variable=', getenv('SLIPWAY_BASIC_AUTH_PASSWORD'), ';file=', @file_get_contents('/run/slipway-secrets/SLIPWAY_BASIC_AUTH_PASSWORD');\n");
        await File.WriteAllTextAsync(Path.Combine(app, ".slipway.yml"), $"""
            docroot: web
            playground:
              readiness:
                path: /health.php
              basic_auth:
                user: {User}
                open_paths: [/hooks]
            """);
        await IsolatedGit.RunAsync(app, "init", "-q", "-b", "main");
        await IsolatedGit.RunAsync(app, "add", "-A");
        await IsolatedGit.RunAsync(app, "commit", "-q", "-m", "feat: a site behind basic auth");
        return app;
    }

    /// <summary>Asks the playground for a path, as the user qa with the given password (null: without credentials).</summary>
    private async Task<Func<string, string?, Task<(HttpStatusCode Status, string Body)>>> PageAsync(string container, string slug)
    {
        var port = (await fixture.Docker.InspectContainerAsync(container, CancellationToken.None)).HostPort(80)
            ?? throw new InvalidOperationException("The playground publishes no port.");
        return async (path, password) =>
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{path}");
            request.Headers.Host = $"{slug}.localhost:{port}";
            if (password is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}")));
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? body.Trim() : "");
        };
    }
}
