using Slipway.Git.Processes;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Processes;

public sealed class ProcessRunnerTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task RunAsync_ProgramFails_ReturnsItsExitCodeAndBothStreams()
    {
        var runner = new ProcessRunner();

        var result = await runner.RunAsync(
            new ProcessRequest("sh", ["-c", "echo out; echo err >&2; exit 3"], temp.Path),
            CancellationToken.None);

        result.Should().Be(new ProcessResult(3, "out\n", "err\n"));
    }

    [Fact]
    public async Task RunAsync_EnvironmentGiven_RequestOverridesRunnerAndNullRemoves()
    {
        var runner = new ProcessRunner(new Dictionary<string, string?> { ["SLIPWAY_A"] = "runner", ["SLIPWAY_B"] = "runner" });

        var result = await runner.RunAsync(
            new ProcessRequest(
                "sh",
                ["-c", "echo \"${SLIPWAY_A}-${SLIPWAY_B:-unset}\""],
                temp.Path,
                new Dictionary<string, string?> { ["SLIPWAY_A"] = "request", ["SLIPWAY_B"] = null }),
            CancellationToken.None);

        result.StandardOutput.Should().Be("request-unset\n");
    }

    [Fact]
    public async Task RunAsync_ProgramMissing_ThrowsSayingToInstallIt()
    {
        var act = () => new ProcessRunner().RunAsync(new ProcessRequest("slipway-no-such-program", [], temp.Path), CancellationToken.None);

        (await act.Should().ThrowAsync<ProcessStartException>()).Which.Message
            .Should().Contain("slipway-no-such-program").And.Contain("PATH");
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProgram()
    {
        var pidFile = temp.Combine("pid");
        using var cancellation = new CancellationTokenSource();
        var run = new ProcessRunner().RunAsync(
            new ProcessRequest("sh", ["-c", $"echo $$ > {pidFile}; exec sleep 300"], temp.Path),
            cancellation.Token);
        var pid = await ReadPidAsync(pidFile);

        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
        (await GoneAsync(pid)).Should().BeTrue("the cancelled program must not keep running");
    }

    [Fact]
    public void ToString_ArgumentsCarryCredentials_AreRedacted()
    {
        var request = new ProcessRequest("git", ["fetch", "https://ci:t0ken-xyz@git.example.com/app.git"], "/work");

        request.ToString().Should().NotContain("t0ken-xyz").And.Contain("https://***@git.example.com/app.git");
    }

    private static async Task<int> ReadPidAsync(string pidFile)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
            {
                return pid;
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException("The test program never wrote its process id.");
    }

    private static async Task<bool> GoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (!Directory.Exists($"/proc/{pid}"))
            {
                return true;
            }

            await Task.Delay(25);
        }

        return false;
    }
}
