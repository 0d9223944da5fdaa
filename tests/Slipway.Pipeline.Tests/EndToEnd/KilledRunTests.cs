using System.Diagnostics;
using Slipway.Pipeline.State;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// A build killed with kill -9 in the middle of its build task: the database password was never in the task's
/// inspectable environment (it is a file inside the container), and what the run left (its container, which holds
/// that file, and its record saying Running)
/// is cleared by the next run of the branch or by Doctor.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class KilledRunTests(EndToEndFixture fixture)
{
    private const string DatabaseUrl = "mysql://slipway:s3cr3t-pw-4410@127.0.0.1/site";

    [Theory]
    [InlineData("Build")]
    [InlineData("Doctor")]
    public async Task BuildKilledDuringItsTask_LeftoversAreClearedBy(string cleaner)
    {
        var app = Path.Combine(fixture.WorkDirectory, "apps", "held-site-" + cleaner.ToLowerInvariant());
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "drupal-site"), app);
        await File.WriteAllTextAsync(Path.Combine(app, ".hold"), "hold");
        await File.WriteAllTextAsync(
            Path.Combine(app, "devops_hooks", "90-hold.sh"),
            "if [ -f /app/.hold ]; then echo \"database url has ${#DATABASE_URL} characters\"; sleep 600; fi\n");
        var branch = fixture.NewBranch("e2e-killed");
        using var first = fixture.BuildScript.Start(
            ["Build", "--app", app, "--branch", branch], new Dictionary<string, string> { ["SLIPWAY_DATABASE_URL"] = DatabaseUrl }, out var output);
        string container;
        string runId;
        try
        {
            await WaitForAsync(() => Task.FromResult(Said(output, "database url has")), first, output);
            var task = (await fixture.ContainersOfAsync(branch)).Single(each => each.Labels.GetValueOrDefault(Ownership.KindLabel) == "build");
            container = task.Id;
            runId = task.Labels[Ownership.RunLabel];
            Said(output, $"database url has {DatabaseUrl.Length} characters").Should().BeTrue("the hook reads the secret:\n" + output);
            (await DockerCommand.RunAsync("inspect", container)).Should().NotContain("s3cr3t-pw-4410");
        }
        finally
        {
            using var kill = Process.Start("kill", ["-KILL", first.Id.ToString()]);
            await kill.WaitForExitAsync();
            await first.WaitForExitAsync();
        }

        (await fixture.ContainersOfAsync(branch)).Select(each => each.Id).Should().Contain(container, "nothing cleans up after kill -9 at once");
        File.Delete(Path.Combine(app, ".hold"));
        var run = cleaner == "Build"
            ? await fixture.BuildScript.RunAsync("Build", "--app", app, "--branch", branch)
            : await fixture.BuildScript.RunAsync("Doctor", "--app", app);

        run.Output.Should().Contain($"Run {runId} (").And.Contain("its process is gone. Marked interrupted.");
        (await fixture.ContainersOfAsync(branch)).Select(each => each.Id).Should().NotContain(container, run.ToString());
        var store = new SqliteRunStore(Path.Combine(fixture.WorkDirectory, "slipway.db"));
        (await store.FindRunAsync(runId, CancellationToken.None))!.State.Should().Be(RunState.Interrupted);
        if (cleaner == "Build")
        {
            run.ExitCode.Should().Be(0, run.ToString());
        }
    }

    private static bool Said(System.Text.StringBuilder output, string text)
    {
        lock (output)
        {
            return output.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Process process, System.Text.StringBuilder output)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(15);
        while (DateTimeOffset.UtcNow < deadline && !process.HasExited)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"The build never reached its hook:\n{output}");
    }
}
