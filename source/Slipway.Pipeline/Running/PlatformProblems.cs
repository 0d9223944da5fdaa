using Slipway.Engine;

namespace Slipway.Pipeline.Running;

/// <summary>Reports what a platform found wrong with its settings before a run: each problem, then one summary line.</summary>
public static class PlatformProblems
{
    /// <summary>Logs each problem and fails with one line that names them all, whether there is one problem or several.</summary>
    /// <exception cref="BuildFailedException">There is at least one problem.</exception>
    public static void ThrowIfAny(string platform, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        foreach (var problem in problems)
        {
            Log.Error(problem);
        }

        throw new BuildFailedException(
            $"The {platform} platform cannot run this: {Count(problems.Count)} found before the build: {string.Join(" ", problems)}");
    }

    /// <summary>"1 problem" or "3 problems".</summary>
    public static string Count(int problems) => problems == 1 ? "1 problem" : $"{problems} problems";
}
