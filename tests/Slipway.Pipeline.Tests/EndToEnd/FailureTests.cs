using System.Diagnostics;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>What a user sees when something is wrong: one sentence naming the thing to fix, nothing left running.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FailureTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Build_WithAFailingHook_FailsNamingTheHookAndItsExitCode()
    {
        var app = Path.Combine(fixture.WorkDirectory, "apps", "hooked-site");
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "drupal-site"), app);
        await File.WriteAllTextAsync(
            Path.Combine(app, "devops_hooks", "70-warm-caches.sh"),
            "echo 'warming caches'\necho 'cache backend unreachable' >&2\nexit 3\n");
        var branch = fixture.NewBranch("e2e-hook");

        var run = await fixture.BuildScript.RunAsync("Build", "--app", app, "--branch", branch);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Output.Should().Contain("cache backend unreachable");
        run.Output.Should().MatchRegex(@"The build of hooked-site failed \(exit code 3\): Hook \S*70-warm-caches\.sh failed with exit code 3");
        run.Output.Should().NotContain("   at ", "a user error is a sentence, not a stack trace");
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty("a failed build removes its build container");
    }

    [Fact]
    public async Task Build_WithABrokenDockerfile_FailsNamingTheStepAndItsOutput()
    {
        var root = Path.Combine(fixture.WorkDirectory, "broken-slipway");
        foreach (var folder in new[] { "docker", "devops_hooks" })
        {
            FolderCopy.Copy(RepositoryRoot.Combine(folder), Path.Combine(root, folder));
        }

        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var dockerfile = Path.Combine(root, "docker", "app", "Dockerfile");
        var text = await File.ReadAllTextAsync(dockerfile);
        await File.WriteAllTextAsync(
            dockerfile,
            text.Replace("WORKDIR /var/www/app", "RUN echo 'php.ini check failed' && exit 4\nWORKDIR /var/www/app"));
        var branch = fixture.NewBranch("e2e-dockerfile");

        var run = await fixture.BuildScript.RunAsync(
            "Build", "--root", root, "--app", RepositoryRoot.Combine("examples", "drupal-site"), "--branch", branch);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Output.Should().Contain("Docker build failed at step");
        run.Output.Should().Contain("php.ini check failed");
        run.Output.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Build_WithNoDockerEngine_SaysWhereItLookedAndWhatToDo()
    {
        var run = await fixture.BuildScript.RunAsync(
            ["Build", "--branch", fixture.NewBranch("e2e-engine")],
            new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        run.ExitCode.Should().Be(1, run.ToString());
        run.Output.Should().Contain("Cannot reach the Docker engine at unix:///nonexistent/docker.sock");
        run.Output.Should().NotContain("   at ");
        var report = await File.ReadAllTextAsync(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.md"));
        report.Should().Contain("Infrastructure failure", "a run that started gets a report even when its build fails")
            .And.Contain("Cannot reach the Docker engine");
    }

    [Fact]
    public async Task Test_InterruptedWithCtrlC_StopsTheTaskItStartedAndExits130()
    {
        // A test that takes minutes, so that the tests task is surely running when Ctrl+C comes.
        var app = Path.Combine(fixture.WorkDirectory, "apps", "slow-site");
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "drupal-site"), app);
        await File.WriteAllTextAsync(
            Path.Combine(app, "tests", "Unit", "SlowTest.php"),
            "<?php\n\nnamespace Drupal\\Tests\\site_status\\Unit;\n\nuse PHPUnit\\Framework\\TestCase;\n\n" +
            "final class SlowTest extends TestCase\n{\n    public function testTakesItsTime(): void\n    {\n" +
            "        sleep(600);\n        $this->assertTrue(true);\n    }\n}\n");
        var branch = fixture.NewBranch("e2e-cancel");
        using var process = fixture.BuildScript.Start(["Test", "--app", app, "--branch", branch], new Dictionary<string, string>(), out var output);
        try
        {
            var started = await WaitForAsync(
                process,
                async () => (await fixture.ContainersOfAsync(branch))
                    .Any(container => container.Labels.GetValueOrDefault(Ownership.KindLabel) == "tests" && container.State == "running"));
            started.Should().BeTrue($"the tests task should start:{Environment.NewLine}{output}");

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString()]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.ExitCode.Should().Be(130, output.ToString());
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty("Ctrl+C stops and removes the task the stage started");
    }

    private static async Task<bool> WaitForAsync(Process process, Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while (DateTimeOffset.UtcNow < deadline && !process.HasExited)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }
}
