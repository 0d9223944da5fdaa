using System.Diagnostics;
using System.Text;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// Run and Cron against a branch's playground on the local engine, the way a user calls them: the command runs in
/// a task from the branch's image with the playground's environment, its output streams as it is written, its exit
/// code is the build's, and nothing of it stays.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CommandTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Run_And_Cron_OnABranchsPlayground_RunInItsImageWithItsEnvironment_AndEndWithTheCommandsExitCode()
    {
        var app = Path.Combine(fixture.WorkDirectory, "apps", "command-site");
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "drupal-site"), app);
        await File.WriteAllTextAsync(Path.Combine(app, ".slipway.yml"), "cron:\n  command: [php, -r, 'echo \"cron for \", getenv(\"SLIPWAY_BRANCH\"), \"\\n\";']\n");
        var branch = fixture.NewBranch("e2e-command");

        var never = await fixture.BuildScript.RunAsync("Run", "--app", app, "--branch", branch, "--", "php", "-v");
        never.ExitCode.Should().Be(1, never.ToString());
        never.Output.Should().Contain($"{branch} of command-site has no built image to run the command in: start its playground first");

        (await fixture.BuildScript.RunAsync("Playground", "--app", app, "--branch", branch)).ExitCode.Should().Be(0);

        // Words after -- reach the program as they are: the quotes and the $ are PHP's, no shell reads them.
        var run = await fixture.BuildScript.RunAsync(
            "Run", "--app", app, "--branch", branch, "--", "php", "-r", "echo 'branch=' . getenv('SLIPWAY_BRANCH') . ' cwd=' . getcwd() . \" \\$HOME\\n\"; exit(7);");
        run.ExitCode.Should().Be(7, run.ToString());
        run.Output.Should().Contain($"branch={branch} cwd=/var/www/app $HOME");

        var line = await fixture.BuildScript.RunAsync("Run", "--app", app, "--branch", branch, "--command", "php -r 'echo 6 * 7, \"\\n\";'");
        line.ExitCode.Should().Be(0, line.ToString());
        line.Output.Should().Contain("42");

        var cron = await fixture.BuildScript.RunAsync("Cron", "--app", app, "--branch", branch);
        cron.ExitCode.Should().Be(0, cron.ToString());
        cron.Output.Should().Contain($"cron for {branch}");

        (await fixture.ContainersOfAsync(branch)).Where(container => container.Labels.GetValueOrDefault(Ownership.KindLabel) == "command")
            .Should().BeEmpty("a command's task is removed when the command ends");
        (await fixture.BuildScript.RunAsync("Teardown", "--app", app, "--branch", branch)).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Run_StreamsOutputAsItIsWritten_AndAStopSignalStopsTheTask()
    {
        var branch = fixture.NewBranch("e2e-command-stop");
        (await fixture.BuildScript.RunAsync("Playground", "--branch", branch)).ExitCode.Should().Be(0);
        using var process = fixture.BuildScript.Start(
            ["Run", "--branch", branch, "--", "php", "-r", "echo \"first line\\n\"; sleep(600); echo \"never\\n\";"], new Dictionary<string, string>(), out var output);
        try
        {
            (await WaitForAsync(process, () => Text(output).Contains("first line"))).Should().BeTrue(
                $"the first line is shown while the command still runs:{Environment.NewLine}{Text(output)}");
            process.HasExited.Should().BeFalse();

            // SIGTERM takes Ctrl+C's path (one handler for both); a test runner started in the background hands
            // its children SIGINT ignored, SIGTERM never.
            using (var interrupt = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.ExitCode.Should().Be(130, Text(output));
        (await fixture.ContainersOfAsync(branch)).Where(container => container.Labels.GetValueOrDefault(Ownership.KindLabel) == "command")
            .Should().BeEmpty("the stop signal stops and removes the command's task");
        (await fixture.BuildScript.RunAsync("Teardown", "--branch", branch)).ExitCode.Should().Be(0);
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task<bool> WaitForAsync(Process process, Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (DateTimeOffset.UtcNow < deadline && !process.HasExited)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return condition();
    }
}
