namespace Slipway.Service.Tests.Host;

/// <summary>
/// The test assembly doubles as a service process: <c>dotnet Slipway.Service.Tests.dll serve ...</c> runs a service
/// the durability test can kill with SIGKILL, and <c>benchmark-webhooks</c> measures webhook intake against one.
/// Test runners load the assembly and never call this.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("Usage: Slipway.Service.Tests serve [options] | benchmark-webhooks [options]");
            return 2;
        }

        var rest = args[1..];
        return args[0] switch
        {
            "serve" => await TestServiceProcess.RunAsync(TestHostArguments.Parse(rest)),
            "benchmark-webhooks" => await WebhookLoadBenchmark.RunAsync(TestHostArguments.Parse(rest)),
            _ => 2,
        };
    }
}
