using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary><c>./build.sh Serve</c> as an operator runs it, with the runs it starts seen through its own page.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ServeTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Serve_WithAWorkDirectory_ItsRunsKeepTheirStagesThereForItsPageToShow()
    {
        var app = await NewRepositoryAsync(Path.Combine(fixture.WorkDirectory, "apps", "served-site"));
        using var serve = fixture.BuildScript.Start(["Serve", "--listen", "127.0.0.1:0", "--app", app], new Dictionary<string, string>(), out var output);
        try
        {
            var address = await AddressAsync(serve, output);
            using var client = new HttpClient { BaseAddress = address };

            // A branch the repository does not have: the run fails at its checkout, quickly and without Docker.
            using var started = await client.PostAsJsonAsync("/api/runs", new { branch = "no-such-branch", pipeline = "PullRequest" });
            started.IsSuccessStatusCode.Should().BeTrue(output.ToString());
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var run = await WaitForEndAsync(client, id!, serve, output);

            run.GetProperty("stages").EnumerateArray().Select(stage => stage.GetProperty("name").GetString())
                .Should().Contain("build", $"the run's stages are in the service's store:{Environment.NewLine}{output}");
            Directory.Exists(Path.Combine(fixture.WorkDirectory, "runs")).Should().BeTrue("the run writes its report under --work-directory");
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
                await serve.WaitForExitAsync();
            }
        }
    }

    private static async Task<Uri> AddressAsync(Process serve, StringBuilder output)
    {
        // The first ./build.sh of a test run compiles the build first, which takes minutes on a busy machine.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(12);
        while (DateTimeOffset.UtcNow < deadline && !serve.HasExited)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            var found = System.Text.RegularExpressions.Regex.Match(text, @"Slipway service at (?<address>http://\S+/)");
            if (found.Success)
            {
                return new Uri(found.Groups["address"].Value);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Serve did not say where it listens:{Environment.NewLine}{output}");
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient client, string id, Process serve, StringBuilder output)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (DateTimeOffset.UtcNow < deadline && !serve.HasExited)
        {
            var details = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}");
            if (details.GetProperty("run").GetProperty("state").GetString() is not ("Queued" or "Running"))
            {
                return details;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Run {id} did not end:{Environment.NewLine}{output}");
    }

    private static async Task<string> NewRepositoryAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "index.php"), "<?php echo 'served';\n");
        foreach (var arguments in new[]
        {
            new[] { "init", "--quiet", "--initial-branch", "main" },
            ["-c", "user.email=qa@example.org", "-c", "user.name=QA", "commit", "--quiet", "--allow-empty", "-m", "start"],
            ["add", "index.php"],
            ["-c", "user.email=qa@example.org", "-c", "user.name=QA", "commit", "--quiet", "-m", "site"],
        })
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = folder };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var git = Process.Start(start)!;
            await git.WaitForExitAsync();
            git.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)}");
        }

        return folder;
    }
}
