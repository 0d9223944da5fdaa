using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// The aws CLI pointed at moto, for what the tests set up and look at themselves. It is a separate AWS
/// client from Slipway's, so what the tests see of moto does not depend on the code under test.
/// </summary>
internal sealed class AwsCli(Uri endpoint, string region)
{
    /// <summary>Runs <c>aws &lt;arguments&gt;</c> and returns its JSON answer (null when it printed nothing).</summary>
    public async Task<JsonNode?> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--endpoint-url", endpoint.ToString(), "--region", region, "--output", "json", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // moto takes any credentials; the developer's own AWS configuration stays out of it.
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDSLIPWAYTESTS";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "slipway-tests-not-a-secret";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = "";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the aws CLI.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with code {process.ExitCode}: {await error}");
        }

        var json = await output;
        return string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);
    }

    /// <summary>The strings of an array in the answer, e.g. <c>taskArns</c>.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string arrayName, params string[] arguments) =>
        (await RunAsync(arguments))?[arrayName]?.AsArray().Select(item => item!.GetValue<string>()).ToList() ?? [];
}
