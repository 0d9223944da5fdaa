using Slipway.Pipeline.Commands;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// What <c>.slipway.yml</c> says about commands run against a branch's environment: the allow-list people may
/// start from the service's page (<c>commands:</c>) and the app's cron (<c>cron:</c>). Null where the file is silent.
/// </summary>
/// <param name="AllowList">Commands QA may start from the page without the service token, e.g. <c>drush cr</c>.</param>
/// <param name="CronCommand">The app's cron command; null for the default (<see cref="CronCommands"/>).</param>
/// <param name="CronOnPlaygrounds">Whether branches' playgrounds get the scheduled cron too (default no).</param>
/// <param name="CronOnDevelopment">Whether the shared development environment gets it (default yes).</param>
public sealed record AppCommands(
    IReadOnlyList<CommandWords>? AllowList = null,
    CommandWords? CronCommand = null,
    bool? CronOnPlaygrounds = null,
    bool? CronOnDevelopment = null)
{
    /// <summary>The settings of an app whose file says nothing about commands.</summary>
    public static AppCommands None { get; } = new();
}
