using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// One step of a clean-up, run on a time budget of its own so that a stalled step cannot starve the next;
/// a failure becomes a <see cref="Leftover"/> instead of an exception, so every step runs.
/// </summary>
internal static class CleanupStep
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    /// <returns>Null when the step succeeded; otherwise what stayed and why.</returns>
    public static async Task<Leftover?> RunAsync(string what, Func<CancellationToken, Task> step)
    {
        using var budget = new CancellationTokenSource(Budget);
        try
        {
            await step(budget.Token);
            return null;
        }
        catch (AwsException exception)
        {
            return new Leftover(what, exception.Message);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return new Leftover(what, $"AWS did not answer within {Budget.TotalSeconds:0} s.");
        }
    }

    /// <summary>Runs every step, in order, and returns what each failed one left.</summary>
    public static async Task<IReadOnlyList<Leftover>> RunAllAsync(params (string What, Func<CancellationToken, Task> Step)[] steps)
    {
        var leftovers = new List<Leftover>();
        foreach (var (what, step) in steps)
        {
            if (await RunAsync(what, step) is { } leftover)
            {
                leftovers.Add(leftover);
            }
        }

        return leftovers;
    }
}
